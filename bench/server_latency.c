/*
 * The server through its control socket, without a client: how long a command takes
 * (request to reply), how soon a key sent with send-keys shows in capture-pane, the same
 * while another pane floods output, and how fast a pane drains `seq 1 2000000`, beside
 * tmux draining the same detached (Debian's tmux, on a private socket).
 * Prints figures; asserts nothing about time.
 */
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "cmd/proto.h"
#include "cmd/socket.h"
#include "server/server.h"

static char sock[256];

static double now_us(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e6 + ts.tv_nsec / 1e3;
}

/* Runs one command; returns its exit status, its output in *out when out is not NULL. */
static int command(char **out, int argc, char **argv)
{
	int fd = socket_connect(sock);
	if (fd < 0) {
		perror("connect");
		exit(1);
	}
	struct proto_request req = {.argc = argc, .argv = argv, .cwd = "/"};
	size_t len;
	uint8_t *msg = proto_request_encode(&req, &len);
	if (write(fd, msg, len) != (ssize_t)len)
		exit(1);
	free(msg);
	struct proto_frame f = {0};
	struct proto_reply reply;
	if (proto_frame_read(&f, fd, PROTO_MAX_REPLY) != PROTO_FRAME_DONE ||
	    proto_reply_decode(f.body, f.len, &reply) != NULL)
		exit(1);
	proto_frame_free(&f);
	close(fd);
	int code = reply.code;
	if (out != NULL)
		*out = reply.out, reply.out = NULL;
	proto_reply_free(&reply);
	return code;
}

#define RUN(...)                                                                  \
	command(NULL, sizeof((char *[]){__VA_ARGS__}) / sizeof(char *),           \
		(char *[]){__VA_ARGS__, NULL})

static bool pane_shows(const char *pane, const char *text)
{
	char *out, *argv[] = {"capture-pane", "-p", "-t", (char *)pane, NULL};
	command(&out, 4, argv);
	bool found = strstr(out, text) != NULL;
	free(out);
	return found;
}

static int compare(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

static void report(const char *what, double *v, size_t n)
{
	qsort(v, n, sizeof *v, compare);
	printf("%-44s median %8.1f us  p90 %8.1f us  max %8.1f us  (n=%zu)\n", what, v[n / 2],
	       v[n * 9 / 10], v[n - 1], n);
}

static void round_trips(void)
{
	enum { N = 2000 };
	static double t[N];
	for (size_t i = 0; i < N; i++) {
		double t0 = now_us();
		RUN("has-session", "-t", "b");
		t[i] = now_us() - t0;
	}
	report("has-session round trip", t, N);
}

/* Types a fresh word into the pane and polls capture-pane until it shows. */
static void echo_latency(const char *what, const char *pane)
{
	enum { N = 200 };
	static double t[N];
	for (size_t i = 0; i < N; i++) {
		char word[32];
		snprintf(word, sizeof word, "k%zuz", i);
		double t0 = now_us();
		RUN("send-keys", "-t", (char *)pane, word);
		while (!pane_shows(pane, word))
			;
		t[i] = now_us() - t0;
		RUN("send-keys", "-t", (char *)pane, "C-u");
	}
	report(what, t, N);
}

/* The drain's command: prints a marker once seq is done, in a form whose echo differs. */
#define DRAIN_COMMAND "seq 1 2000000; echo drain-$((1+1)); sleep 60"

static void drain(const char *cols, const char *rows)
{
	RUN("new-session", "-d", "-s", "drain", "-x", (char *)cols, "-y", (char *)rows,
	    DRAIN_COMMAND);
	double t0 = now_us();
	while (!pane_shows("drain", "drain-2"))
		usleep(1000);
	printf("drain seq 1 2000000 at %sx%s, detached          %.2f s\n", cols, rows,
	       (now_us() - t0) / 1e6);
	RUN("kill-session", "-t", "drain");
}

/* Runs a tmux command on the private socket; returns its output (NULL if it failed). */
static char *tmux(const char *args)
{
	char cmd[512], *out = NULL;
	size_t len = 0;
	snprintf(cmd, sizeof cmd, "tmux -f /dev/null -S %s.tmux %s 2>/dev/null", sock, args);
	FILE *f = popen(cmd, "r");
	if (f == NULL)
		return NULL;
	FILE *mem = open_memstream(&out, &len);
	char buf[4096];
	size_t n;
	while ((n = fread(buf, 1, sizeof buf, f)) > 0)
		fwrite(buf, 1, n, mem);
	fclose(mem);
	if (pclose(f) != 0) {
		free(out);
		return NULL;
	}
	return out;
}

/* The same drain in tmux, polled the same way through capture-pane. */
static void drain_tmux(const char *cols, const char *rows)
{
	char args[256];
	snprintf(args, sizeof args, "new-session -d -s drain -x %s -y %s '%s'", cols, rows,
		 DRAIN_COMMAND);
	char *out = tmux(args);
	if (out == NULL) {
		printf("tmux drain at %sx%s: tmux not available\n", cols, rows);
		return;
	}
	free(out);
	double t0 = now_us();
	for (;;) {
		out = tmux("capture-pane -p -t drain");
		bool done = out != NULL && strstr(out, "drain-2") != NULL;
		free(out);
		if (done)
			break;
		usleep(1000);
	}
	printf("tmux: drain seq 1 2000000 at %sx%s, detached    %.2f s\n", cols, rows,
	       (now_us() - t0) / 1e6);
	free(tmux("kill-server"));
}

int main(void)
{
	char dir[] = "/tmp/rsh-bench.XXXXXX";
	if (mkdtemp(dir) == NULL)
		return 1;
	snprintf(sock, sizeof sock, "%s/s", dir);
	int fd = socket_listen(sock);
	pid_t pid = fork();
	if (pid == 0)
		_exit(server_run(fd, sock));
	close(fd);
	setenv("SHELL", "/bin/sh", 1);

	RUN("new-session", "-d", "-s", "b", "cat");
	round_trips();
	echo_latency("send-keys to capture-pane, idle", "b");
	RUN("split-window", "-d", "-t", "b", "yes");
	echo_latency("send-keys to capture-pane, `yes` beside", "b:0.0");
	RUN("kill-pane", "-t", "b:0.1");
	drain("80", "24");
	drain_tmux("80", "24");
	drain("200", "50");
	drain_tmux("200", "50");
	RUN("kill-server");
	waitpid(pid, NULL, 0);
	rmdir(dir);
	return 0;
}
