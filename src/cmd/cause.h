/*
 * The one error convention for commands, as tmux's `char **cause`: whatever fails (the
 * parser, a target, a command's exec) gives its caller one allocated line saying why,
 * without a newline and without a prefix, such as "can't find session: work" or
 * "usage: kill-pane [-t target-pane]". The caller decides where it goes: the rsh command
 * and the control socket's reply print cause_line's form on stderr, a config file will put
 * "file:line: " before it, a key binding will show it on the status line.
 */
#ifndef RSH_CMD_CAUSE_H
#define RSH_CMD_CAUSE_H

/*
 * cause as the rsh command prints it, allocated: "rsh: " before it, except a usage line,
 * which is shown as it is (as getopt programs and tmux show theirs).
 */
char *cause_line(const char *cause);

#endif
