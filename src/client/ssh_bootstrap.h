/*
 * The ssh half of a remote attach, as mosh's: run the user's own ssh (its config, its
 * agent, its prompts on the terminal) to start `rsh bootstrap [command]` on the host,
 * which answers with one connect line (net/token.h) and exits; ssh closes, and the client
 * reaches the host over UDP with the port and token the line gave.
 */
#ifndef RSH_CLIENT_SSH_BOOTSTRAP_H
#define RSH_CLIENT_SSH_BOOTSTRAP_H

#include <sys/types.h>

#include "net/token.h"

struct ssh_bootstrap {
	const char *ssh;         /* the ssh command, split on blanks: "ssh -p 2222" (--ssh) */
	const char *server;      /* the rsh to run on the host: "rsh" (--server) */
	const char *destination; /* [user@]host, as ssh takes it */
	const char *ports;       /* "PORT" or "LOW:HIGH" for the host's UDP port, or NULL */
	int family;              /* AF_UNSPEC, AF_INET, AF_INET6 (-4, -6) */
	int argc;                /* the rsh command to run there; 0: attach or create */
	char **argv;
	const char *hostname;    /* the address to reach (-o HostName=), or NULL: ssh's own */
};

/*
 * Runs ssh; on success fills *c from the connect line and returns NULL. Otherwise returns
 * an allocated one-line reason: ssh's own message when ssh failed, "rsh not found on the
 * host" when the remote shell could not run the server, the host's rsh's error when the
 * command failed there ("no sessions"), or why the connect line was bad.
 */
char *ssh_bootstrap_run(const struct ssh_bootstrap *b, struct net_connect *c);

/*
 * Runs `SERVER command...` on the host (no bootstrap), with this process's standard input,
 * output and error; returns ssh's exit status (the command's, or 255 when ssh failed),
 * -1 when ssh could not start.
 */
int ssh_bootstrap_command(const struct ssh_bootstrap *b);

/*
 * The host name ssh would connect to for the destination (its config's HostName, from
 * `ssh -G`), or the destination's host part when ssh cannot say. Allocated.
 */
char *ssh_bootstrap_hostname(const struct ssh_bootstrap *b);

/* What ssh runs on the host: a command (ssh_bootstrap_command); `bootstrap`, which answers
 * with the connect line and exits; `bootstrap --stdio`, which stays to relay datagrams
 * after it; `bootstrap --relay PORT`, the relay alone (no prompt: BatchMode). */
enum ssh_run { SSH_RUN_COMMAND, SSH_RUN_BOOTSTRAP, SSH_RUN_STDIO, SSH_RUN_RELAY };

/* ssh's words for run (port: the relay's), NULL-terminated, allocated (ssh_words_free). */
char **ssh_bootstrap_words(const struct ssh_bootstrap *b, enum ssh_run run, unsigned port);
void ssh_words_free(char **argv);

/*
 * Starts argv with its stdout and stderr on pipes (*out, *err: our ends), and its stdin on
 * one too (*in) when in is not NULL, else on /dev/null. With in, our ends are non-blocking
 * (a stream kept open beside the client's loop). Returns the pid, or -1 with errno.
 */
pid_t ssh_spawn(char **argv, int *in, int *out, int *err);

/* One word quoted for a POSIX shell (ssh hands the remote command to the user's shell):
 * 'it'\''s'. Allocated. */
char *ssh_shell_quote(const char *word);

#endif
