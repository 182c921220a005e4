/*
 * Many clients on one busy session, beside tmux run the same way: one 80x24 session whose
 * pane prints 100 lines a second (`cat` of a fifo this program writes a counter and a
 * timestamp to every 10 ms, so the rate is exact and the same for both), N real clients
 * (`rsh attach` / `tmux attach`) attached, each in an 80x25 pty whose output this
 * program reads and discards at once. Once all are attached and the output has run for a
 * second, it measures for a fixed time: the server's CPU share (utime+stime from
 * /proc/PID/stat over wall time), the clients' total, and the server's RSS at the end.
 * The rsh server is forked from this program (control.h, as rsh runs it); the clients
 * are the rsh binary ($RSH, else ./src/rsh). Runs alternate rsh, tmux. Every client and
 * server it started is killed when it ends, also on failure or a signal.
 * Prints figures; asserts nothing.
 *
 *   many_clients [-n CLIENTS] [-t SECONDS] [RUNS]      (default 100 clients, 20 s, 2 runs)
 */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "control.h"

#define MAX_CLIENTS 1000
#define TICK_US 10000.0 /* one line every 10 ms: 100 lines a second */

/* What runs now, for the cleanup on exit or a signal (kill only: no commands). */
static pid_t clients[MAX_CLIENTS], server;
static int fds[MAX_CLIENTS], nclients;
static bool gone[MAX_CLIENTS]; /* its pty hung up: poll skips it */
static unsigned long long got[MAX_CLIENTS];

static void kill_started(void)
{
	for (int i = 0; i < nclients; i++)
		if (clients[i] > 0)
			kill(clients[i], SIGKILL);
	if (server > 0)
		kill(server, SIGKILL);
}

static void on_signal(int sig)
{
	kill_started();
	_exit(128 + sig);
}

/* The line producer: the fifo the pane's cat reads, and the time the next line is due. */
struct producer {
	int fd;
	double next_us;
	unsigned long written, dropped;
};

/* Writes every line due by now (never blocks: a full fifo drops the line and counts it). */
static void produce(struct producer *p)
{
	double now = control_now_us();
	while (p->next_us <= now) {
		char line[96];
		struct timespec ts;
		clock_gettime(CLOCK_REALTIME, &ts);
		int len = snprintf(line, sizeof line, "line %lu at %lld.%06ld\n", p->written,
				   (long long)ts.tv_sec, ts.tv_nsec / 1000);
		if (write(p->fd, line, (size_t)len) == len)
			p->written++;
		else
			p->dropped++;
		p->next_us += TICK_US;
	}
}

/* Reads and discards every client's output and keeps the lines coming, for us. */
static void pump(struct producer *p, double us)
{
	static struct pollfd pfd[MAX_CLIENTS];
	char buf[65536];
	double end = control_now_us() + us;
	for (double now = control_now_us(); now < end; now = control_now_us()) {
		for (int i = 0; i < nclients; i++)
			pfd[i] = (struct pollfd){gone[i] ? -1 : fds[i], POLLIN, 0};
		double wait = p->next_us - now;
		if (wait > end - now)
			wait = end - now;
		if (poll(pfd, (nfds_t)nclients, wait > 0 ? (int)(wait / 1000) + 1 : 0) > 0)
			for (int i = 0; i < nclients; i++) {
				if (pfd[i].revents == 0)
					continue;
				ssize_t n = read(fds[i], buf, sizeof buf);
				if (n > 0)
					got[i] += (unsigned long long)n;
				else if (n == 0 || (errno != EAGAIN && errno != EINTR))
					gone[i] = true;
			}
		produce(p);
	}
}

struct result {
	double server_cpu, client_cpu; /* shares of one core over the measured time */
	size_t rss;
	int with_output; /* clients that received output while measured */
	double lines_per_s;
};

/* One run: peer 0 rsh, 1 tmux; n clients, measured for secs. */
static struct result measure(int peer, int n, double secs, const char *rsh)
{
	char fifo[300], cmd[400], tsock[300];
	server = control_start(peer == 0);
	snprintf(fifo, sizeof fifo, "%s/lines", control_dir());
	snprintf(tsock, sizeof tsock, "%s.tmux", control_socket());
	if (mkfifo(fifo, 0600) != 0) {
		perror("mkfifo");
		exit(1);
	}
	snprintf(cmd, sizeof cmd, "exec cat %s", fifo);
	if (peer == 0) {
		CONTROL_RUN("new-session", "-d", "-s", "m", "-x", "80", "-y", "24", cmd);
	} else {
		char args[600];
		snprintf(args, sizeof args, "new-session -d -s m -x 80 -y 24 '%s'", cmd);
		free(control_tmux(NULL, args));
		server = control_tmux_pid(NULL);
		if (server <= 0) {
			fprintf(stderr, "tmux did not start\n");
			exit(1);
		}
	}
	/* Read-write: opening never waits for cat, and cat never sees end of file. */
	struct producer p = {.fd = open(fifo, O_RDWR | O_NONBLOCK)};
	if (p.fd < 0) {
		perror(fifo);
		exit(1);
	}
	p.next_us = control_now_us();
	char *rsh_argv[] = {(char *)rsh, "-S", (char *)control_socket(), "attach", "-t", "m", NULL};
	char *tmux_argv[] = {"tmux", "-S", tsock, "attach", "-t", "m", NULL};
	for (nclients = 0; nclients < n;) {
		int i = nclients;
		got[i] = 0;
		gone[i] = false;
		fds[i] = control_spawn_pty(80, 25, peer ? tmux_argv : rsh_argv, &clients[i]);
		nclients++;
		pump(&p, 20000);
	}
	pump(&p, 1e6); /* all attached and drawn, the output running */
	for (int i = 0; i < n; i++)
		got[i] = 0;
	double s0 = control_cpu_s(server), c0 = 0;
	for (int i = 0; i < n; i++)
		c0 += control_cpu_s(clients[i]);
	unsigned long w0 = p.written;
	double t0 = control_now_us();
	pump(&p, secs * 1e6);
	double wall = (control_now_us() - t0) / 1e6;
	struct result r = {.server_cpu = (control_cpu_s(server) - s0) / wall,
			   .rss = control_rss(server),
			   .lines_per_s = (double)(p.written - w0) / wall};
	for (int i = 0; i < n; i++) {
		r.client_cpu += control_cpu_s(clients[i]);
		r.with_output += got[i] > 0;
	}
	r.client_cpu = (r.client_cpu - c0) / wall;
	if (p.dropped != 0)
		fprintf(stderr, "%s: %lu lines dropped (the pane's fifo was full)\n",
			peer ? "tmux" : "rsh", p.dropped);
	for (int i = 0; i < n; i++) {
		kill(clients[i], SIGKILL);
		waitpid(clients[i], NULL, 0);
		close(fds[i]);
	}
	nclients = 0;
	close(p.fd);
	unlink(fifo);
	control_stop();
	server = 0;
	return r;
}

/* Room for every pty master and the server's connections. */
static void raise_fd_limit(void)
{
	struct rlimit rl;
	if (getrlimit(RLIMIT_NOFILE, &rl) == 0) {
		rl.rlim_cur = rl.rlim_max;
		setrlimit(RLIMIT_NOFILE, &rl);
	}
}

static void print_load(const char *when)
{
	char buf[128] = "";
	FILE *f = fopen("/proc/loadavg", "r");
	if (f != NULL) {
		if (fgets(buf, sizeof buf, f) == NULL)
			buf[0] = '\0';
		fclose(f);
	}
	printf("load average %s: %s", when, buf[0] ? buf : "unknown\n");
}

int main(int argc, char **argv)
{
	int n = 100, opt;
	double secs = 20;
	while ((opt = getopt(argc, argv, "n:t:")) != -1) {
		if (opt == 'n')
			n = atoi(optarg);
		else if (opt == 't')
			secs = atof(optarg);
		else
			return 2;
	}
	int runs = optind < argc ? atoi(argv[optind]) : 2;
	if (n < 1 || n > MAX_CLIENTS || secs <= 0 || runs < 1) {
		fprintf(stderr, "usage: many_clients [-n 1..%d] [-t SECONDS] [RUNS]\n", MAX_CLIENTS);
		return 2;
	}
	const char *rsh = getenv("RSH") ? getenv("RSH") : "./src/rsh";
	raise_fd_limit();
	atexit(kill_started);
	signal(SIGINT, on_signal);
	signal(SIGTERM, on_signal);
	signal(SIGPIPE, SIG_IGN);
	setenv("SHELL", "/bin/sh", 1);
	print_load("before");
	for (int i = 0; i < runs; i++)
		for (int peer = 0; peer < 2; peer++) {
			struct result r = measure(peer, n, secs, rsh);
			printf("%d clients on one session, 100 lines/s, %-4s run %d: server cpu "
			       "%5.1f %%, clients' cpu %6.1f %% (total), server rss %6.1f MB; "
			       "%.0f lines/s, %d clients got output\n",
			       n, peer ? "tmux" : "rsh", i + 1, r.server_cpu * 100,
			       r.client_cpu * 100, (double)r.rss / 1e6, r.lines_per_s,
			       r.with_output);
			fflush(stdout);
		}
	print_load("after");
	return 0;
}
