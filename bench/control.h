/*
 * A private rsh server driven through its control socket, and tmux on a private socket
 * beside it, for the benchmarks that compare the two run the same way.
 * Any failure to talk to the server ends the benchmark (exit 1): figures from a server that
 * stopped answering would mean nothing.
 */
#ifndef RSH_BENCH_CONTROL_H
#define RSH_BENCH_CONTROL_H

#include <stdbool.h>
#include <sys/types.h>

/* Makes a fresh temp dir for the sockets and, with_server, starts a server (forked from
 * this process) there; returns its pid (0 without). */
pid_t control_start(bool with_server);
/* Stops what runs there (kill-server to both), removes the temp dir. */
void control_stop(void);
/* The temp dir, for files the run needs (the caller removes them). */
const char *control_dir(void);
/* The server's socket path there (tmux's is the same with ".tmux" appended). */
const char *control_socket(void);

/* Runs one command; returns its exit status, its output in *out when out is not NULL. */
int control_command(char **out, int argc, char **argv);
#define CONTROL_RUN(...)                                                          \
	control_command(NULL, sizeof((char *[]){__VA_ARGS__}) / sizeof(char *),   \
			(char *[]){__VA_ARGS__, NULL})
/* capture-pane -p of the pane contains text. */
bool control_pane_shows(const char *pane, const char *text);

/* Runs `tmux -f conf ARGS` on a private socket beside the server's (conf NULL: /dev/null);
 * returns its output, NULL if it failed. */
char *control_tmux(const char *conf, const char *args);

/* The pid of the tmux server control_tmux(conf, ...) talks to, 0 if none answers. */
pid_t control_tmux_pid(const char *conf);

/* Starts argv (a real client) in a fresh cols x rows pty with TERM=xterm-256color;
 * returns the master (the caller reads it and closes it), *pid the child (the caller
 * kills and reaps it). Exits the benchmark when the pty cannot be made. */
int control_spawn_pty(unsigned cols, unsigned rows, char *const argv[], pid_t *pid);

double control_now_us(void);
/* CPU seconds (user + system) the process used so far, 0 if unreadable. */
double control_cpu_s(pid_t pid);
/* What /proc says a process used so far: its own CPU seconds, its waited-for children's
 * (utime + stime, cutime + cstime), and its context switches (voluntary and not). */
struct control_times {
	double user, sys, children;
	unsigned long switches;
};
/* False (and *t all 0) when the process is gone. */
bool control_proc_times(pid_t pid, struct control_times *t);
/* The process's resident set (VmRSS) in bytes, 0 if unreadable. */
size_t control_rss(pid_t pid);

#endif
