/*
 * `seq 1 2000000` drained in a pane with one real local client attached, beside tmux run
 * the same way: the client (rsh's or tmux's) runs in a pty whose output this program reads
 * and discards at once (a terminal that keeps up with anything), the pane is COLSxROWS
 * (the pty one row taller, for the status line). The pane's script waits for a line, then
 * runs seq and writes the time it finished to a file: the figure is from send-keys Enter
 * to that time, so nothing polls the servers meanwhile. Runs alternate rsh, tmux.
 * Also prints what each process used in the run, from /proc: the server's and the client's
 * CPU (user + system) and context switches, the pane's (seq's, read from its shell's
 * waited-for children), their total, and the bytes the client wrote to its terminal. On a
 * shared machine the wall time is mostly the load; the CPU figures are the work. Ends
 * with the median of each column per peer and size. With DRAIN_PIDS set, the pids go to
 * stderr (for perf report --pid).
 * Prints figures; asserts nothing.
 *
 *   attached_drain [RUNS] [COLSxROWS ...]      (default 3, 200x50 80x24)
 *
 * RSH_BIN names the rsh binary (default ./src/rsh; RSH itself is rsh's nesting variable).
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

/* Reads and discards the client's output for ms (or until done exists); returns the
 * bytes read. */
static double sink(int fd, int ms, const char *done)
{
	char buf[65536];
	double end = now_s() + ms / 1e3, bytes = 0;
	struct stat st;
	while (now_s() < end && (done == NULL || stat(done, &st) != 0)) {
		struct pollfd p = {fd, POLLIN, 0};
		ssize_t n = 0;
		if (poll(&p, 1, 5) > 0 && (n = read(fd, buf, sizeof buf)) <= 0)
			break;
		bytes += (double)n;
	}
	return bytes;
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

/* The CPU of the children that pid and its live descendants waited for: the pane's
 * seq (its shell may run under a `sh -c`). */
static double waited_cpu(pid_t pid)
{
	struct control_times t;
	char path[64];
	int child;
	double sum = control_proc_times(pid, &t) ? t.children : 0;
	snprintf(path, sizeof path, "/proc/%d/task/%d/children", (int)pid, (int)pid);
	FILE *f = fopen(path, "r");
	while (f != NULL && fscanf(f, "%d", &child) == 1)
		sum += waited_cpu((pid_t)child);
	if (f != NULL)
		fclose(f);
	return sum;
}

struct result {
	double secs, server_cpu, client_cpu, pane_cpu, total_cpu, tty_kb;
	double server_switches, client_switches;
};
#define NFIELDS 8

static double *field(struct result *r, int i)
{
	double *f[NFIELDS] = {&r->secs, &r->server_cpu, &r->client_cpu, &r->pane_cpu,
			      &r->total_cpu, &r->tty_kb, &r->server_switches, &r->client_switches};
	return f[i];
}

static void print(const char *what, unsigned cols, unsigned rows, const char *peer,
		  struct result *r)
{
	printf("attached drain at %ux%u, %-4s %s: %5.2f s  server %4.2f s (%5.0f switches)  "
	       "client %4.2f s (%5.0f switches)  seq %4.2f s  total cpu %4.2f s  tty %5.0f KB\n",
	       cols, rows, peer, what, r->secs, r->server_cpu, r->server_switches, r->client_cpu,
	       r->client_switches, r->pane_cpu, r->total_cpu, r->tty_kb);
	fflush(stdout);
}

static int cmp(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return x < y ? -1 : x > y;
}

/* The median of each field over n results. */
static struct result median(struct result *rs, int n)
{
	struct result m = {0};
	double *v = calloc((size_t)n, sizeof *v);
	for (int k = 0; k < NFIELDS && v != NULL; k++) {
		for (int i = 0; i < n; i++)
			v[i] = *field(&rs[i], k);
		qsort(v, (size_t)n, sizeof *v, cmp);
		*field(&m, k) = n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
	}
	free(v);
	return m;
}

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
	char cmd[256];
	snprintf(cmd, sizeof cmd, "%s -S %s display -p -t d '#{pane_pid}'",
		 peer ? "tmux" : rsh, sock);
	pid_t pane = pid_from(cmd);
	char *rsh_argv[] = {rsh, "-S", sock, "attach", "-t", "d", NULL};
	char *tmux_argv[] = {"tmux", "-S", sock, "attach", "-t", "d", NULL};
	pid_t client;
	int fd = control_spawn_pty(cols, rows + 1, peer ? tmux_argv : rsh_argv, &client);
	sink(fd, 1500, NULL); /* attached and drawn */
	if (getenv("DRAIN_PIDS") != NULL)
		fprintf(stderr, "server %d client %d\n", (int)server, (int)client);
	struct control_times s0, c0, s1, c1;
	control_proc_times(server, &s0);
	control_proc_times(client, &c0);
	double t0 = now_s();
	if (peer == 0)
		run("%s -S %s send-keys -t d Enter", rsh, sock);
	else
		run("tmux -S %s send-keys -t d Enter", sock);
	struct result r = {.tty_kb = sink(fd, 120000, done) / 1024};
	f = fopen(done, "r");
	double t1 = 0;
	if (f != NULL && fscanf(f, "%lf", &t1) == 1)
		r.secs = t1 - t0;
	if (f != NULL)
		fclose(f);
	control_proc_times(server, &s1);
	control_proc_times(client, &c1);
	double pane_cpu = waited_cpu(pane);
	r.server_cpu = s1.user + s1.sys - s0.user - s0.sys;
	r.client_cpu = c1.user + c1.sys - c0.user - c0.sys;
	r.server_switches = (double)(s1.switches - s0.switches);
	r.client_switches = (double)(c1.switches - c0.switches);
	r.pane_cpu = pane_cpu;
	r.total_cpu = r.server_cpu + r.client_cpu + r.pane_cpu;
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
	/* The rsh binary: $RSH_BIN, else the build's. */
	snprintf(rsh, sizeof rsh, "%s", getenv("RSH_BIN") ? getenv("RSH_BIN") : "./src/rsh");
	unsetenv("RSH"); /* set inside a pane, it would refuse the attach as nested */
	snprintf(dir, sizeof dir, "/tmp/rsh-drain.XXXXXX");
	if (mkdtemp(dir) == NULL)
		return 1;
	setenv("SHELL", "/bin/sh", 1);
	for (int k = 0; k < nsizes && k < 2; k++) {
		unsigned cols, rows;
		if (sscanf(sizes[k], "%ux%u", &cols, &rows) != 2)
			return 2;
		struct result *rs[2] = {calloc((size_t)runs, sizeof(struct result)),
					calloc((size_t)runs, sizeof(struct result))};
		if (rs[0] == NULL || rs[1] == NULL)
			return 1;
		for (int i = 0; i < runs; i++) {
			for (int peer = 0; peer < 2; peer++) {
				char what[32];
				rs[peer][i] = drain(peer, cols, rows);
				snprintf(what, sizeof what, "run %d", i + 1);
				print(what, cols, rows, peer ? "tmux" : "rsh", &rs[peer][i]);
			}
		}
		for (int peer = 0; peer < 2; peer++) {
			struct result m = median(rs[peer], runs);
			print("median", cols, rows, peer ? "tmux" : "rsh", &m);
			free(rs[peer]);
		}
	}
	rmdir(dir);
	return 0;
}
