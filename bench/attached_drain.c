/*
 * `seq 1 2000000` drained in a pane with one real local client attached, beside tmux run
 * the same way: the client (rsh's or tmux's) runs in a pty whose output this program reads
 * and discards at once (a terminal that keeps up with anything), the pane is COLSxROWS
 * (the pty one row taller, for the status line). The pane's script waits for a line, then
 * runs seq and writes the time it finished to a file: the figure is from send-keys Enter
 * to that time, so nothing polls the servers meanwhile. Runs alternate rsh, tmux.
 * Also prints each server's and client's CPU time for the run (from /proc); with
 * DRAIN_PIDS set, their pids on stderr (for perf report --pid).
 * Prints figures; asserts nothing.
 *
 *   attached_drain [RUNS] [COLSxROWS ...]      (default 3, 200x50 80x24)
 */
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "control.h"

static char dir[64], rsh[4096];

static double now_s(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_REALTIME, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Runs a shell command line; exits the benchmark when it fails. */
static void run(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static void run(const char *fmt, ...)
{
	char cmd[2048];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(cmd, sizeof cmd, fmt, ap);
	va_end(ap);
	if (system(cmd) != 0) {
		fprintf(stderr, "failed: %s\n", cmd);
		exit(1);
	}
}

/* Reads and discards the client's output for ms (or until done exists). */
static void sink(int fd, int ms, const char *done)
{
	char buf[65536];
	double end = now_s() + ms / 1e3;
	struct stat st;
	while (now_s() < end && (done == NULL || stat(done, &st) != 0)) {
		struct pollfd p = {fd, POLLIN, 0};
		if (poll(&p, 1, 5) > 0 && read(fd, buf, sizeof buf) <= 0)
			return;
	}
}

static pid_t pid_from(const char *cmd)
{
	FILE *f = popen(cmd, "r");
	int pid = 0;
	if (f != NULL) {
		if (fscanf(f, "%d", &pid) != 1)
			pid = 0;
		pclose(f);
	}
	return (pid_t)pid;
}

struct result {
	double secs, server_cpu, client_cpu;
};

/* One drain: peer 0 rsh, 1 tmux. */
static struct result drain(int peer, unsigned cols, unsigned rows)
{
	char script[128], done[128], sock[128], size[32];
	snprintf(script, sizeof script, "%s/drain.sh", dir);
	snprintf(done, sizeof done, "%s/done", dir);
	/* A socket of its own each run: a server killed late may unlink its path. */
	static unsigned serial;
	snprintf(sock, sizeof sock, "%s/%s-%u", dir, peer ? "tmux" : "rsh", serial++);
	unlink(done);
	FILE *f = fopen(script, "w");
	fprintf(f, "read x\nseq 1 2000000\ndate +%%s.%%N > %s.tmp\nmv %s.tmp %s\nexec sleep 600\n",
		done, done, done);
	fclose(f);
	snprintf(size, sizeof size, "-x %u -y %u", cols, rows);
	pid_t server;
	if (peer == 0) {
		run("%s -S %s new-session -d -s d %s 'sh %s'", rsh, sock, size, script);
		char cmd[256];
		snprintf(cmd, sizeof cmd, "pgrep -o -f -- '%s'", sock);
		server = pid_from(cmd);
	} else {
		run("tmux -f /dev/null -S %s new-session -d -s d %s 'sh %s'", sock, size, script);
		char cmd[256];
		snprintf(cmd, sizeof cmd, "tmux -S %s display -p '#{pid}'", sock);
		server = pid_from(cmd);
	}
	char *rsh_argv[] = {rsh, "-S", sock, "attach", "-t", "d", NULL};
	char *tmux_argv[] = {"tmux", "-S", sock, "attach", "-t", "d", NULL};
	pid_t client;
	int fd = control_spawn_pty(cols, rows + 1, peer ? tmux_argv : rsh_argv, &client);
	sink(fd, 1500, NULL); /* attached and drawn */
	if (getenv("DRAIN_PIDS") != NULL)
		fprintf(stderr, "server %d client %d\n", (int)server, (int)client);
	double s0 = control_cpu_s(server), c0 = control_cpu_s(client);
	double t0 = now_s();
	if (peer == 0)
		run("%s -S %s send-keys -t d Enter", rsh, sock);
	else
		run("tmux -S %s send-keys -t d Enter", sock);
	sink(fd, 120000, done);
	struct result r = {0};
	f = fopen(done, "r");
	double t1 = 0;
	if (f != NULL && fscanf(f, "%lf", &t1) == 1)
		r.secs = t1 - t0;
	if (f != NULL)
		fclose(f);
	r.server_cpu = control_cpu_s(server) - s0;
	r.client_cpu = control_cpu_s(client) - c0;
	if (peer == 0)
		run("%s -S %s kill-server", rsh, sock);
	else
		run("tmux -S %s kill-server", sock);
	sink(fd, 300, NULL);
	kill(client, SIGKILL);
	waitpid(client, NULL, 0);
	close(fd);
	unlink(done);
	unlink(script);
	unlink(sock);
	return r;
}

int main(int argc, char **argv)
{
	int runs = argc > 1 ? atoi(argv[1]) : 3;
	const char *sizes[] = {"200x50", "80x24"};
	int nsizes = 2;
	if (argc > 2) {
		nsizes = argc - 2;
		for (int i = 0; i < nsizes && i < 2; i++)
			sizes[i] = argv[2 + i];
	}
	/* The rsh binary: $RSH, else the build's. */
	snprintf(rsh, sizeof rsh, "%s", getenv("RSH") ? getenv("RSH") : "./src/rsh");
	snprintf(dir, sizeof dir, "/tmp/rsh-drain.XXXXXX");
	if (mkdtemp(dir) == NULL)
		return 1;
	setenv("SHELL", "/bin/sh", 1);
	for (int k = 0; k < nsizes && k < 2; k++) {
		unsigned cols, rows;
		if (sscanf(sizes[k], "%ux%u", &cols, &rows) != 2)
			return 2;
		for (int i = 0; i < runs; i++) {
			for (int peer = 0; peer < 2; peer++) {
				struct result r = drain(peer, cols, rows);
				printf("attached drain seq 1 2000000 at %ux%u, %-4s run %d: %5.2f s  "
				       "(server cpu %5.2f s, client cpu %5.2f s)\n",
				       cols, rows, peer ? "tmux" : "rsh", i + 1, r.secs, r.server_cpu,
				       r.client_cpu);
				fflush(stdout);
			}
		}
	}
	rmdir(dir);
	return 0;
}
