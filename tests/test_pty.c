/* Children on ptys: output, exit status, TERM, size, resize, queued writes, $SHELL. */
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

#include "term/pty.h"

#include "check.h"

/* Everything the child writes until it closes the pty, flushing queued input meanwhile. */
static char *drain(term_pty *pty, size_t *len)
{
	size_t cap = 1 << 16, n = 0;
	char *buf = malloc(cap);
	for (;;) {
		struct pollfd p = {pty->fd, POLLIN | (term_pty_queued(pty) ? POLLOUT : 0), 0};
		int r = poll(&p, 1, 20000);
		CHECKF(r > 0, "the child went silent");
		if (p.revents & POLLOUT)
			CHECK(term_pty_flush(pty) == 0);
		if (!(p.revents & (POLLIN | POLLHUP)))
			continue;
		if (n + 4096 > cap)
			buf = realloc(buf, cap *= 2);
		ssize_t got = term_pty_read(pty, buf + n, cap - n - 1);
		if (got == 0)
			break;
		CHECK(got > 0 || errno == EAGAIN);
		if (got > 0)
			n += (size_t)got;
	}
	buf[n] = '\0';
	if (len)
		*len = n;
	return buf;
}

static int finish(term_pty *pty)
{
	term_pty_close(pty);
	while (!pty->reaped)
		CHECK(waitpid(pty->pid, &pty->status, 0) == pty->pid && (pty->reaped = true));
	return pty->status;
}

static char *run(char *const argv[], unsigned rows, unsigned cols, int *status)
{
	term_pty pty;
	CHECK(term_pty_spawn(&pty, argv, rows, cols, NULL, NULL) == 0);
	char *out = drain(&pty, NULL);
	*status = finish(&pty);
	return out;
}

static void test_output_and_status(void)
{
	int status;
	char *argv[] = {"sh", "-c", "printf 'hello %s' \"$TERM\"; stty size; exit 3", NULL};
	char *out = run(argv, 24, 100, &status);
	CHECKF(strcmp(out, "hello xterm-256color24 100\r\n") == 0, "got \"%s\"", out);
	CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 3);
	free(out);
	char *missing[] = {"/nonexistent/rsh-test", NULL};
	free(run(missing, 24, 80, &status));
	CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 127);
}

static void test_resize(void)
{
	term_pty pty;
	char *argv[] = {"sh", "-c", "stty -echo; read x; stty size", NULL};
	CHECK(term_pty_spawn(&pty, argv, 24, 80, NULL, NULL) == 0);
	CHECK(term_pty_resize(&pty, 30, 120) == 0);
	CHECK(term_pty_write(&pty, "\n", 1) == 0);
	char *out = drain(&pty, NULL);
	CHECKF(strstr(out, "30 120") != NULL, "got \"%s\"", out);
	free(out);
	finish(&pty);
}

/* More than the pty takes at once: the rest waits in the queue and still arrives whole. */
static void test_queued_writes(void)
{
	term_pty pty;
	char *argv[] = {"sh", "-c", "stty raw -echo; echo ready; head -c 300000 | wc -c", NULL};
	CHECK(term_pty_spawn(&pty, argv, 24, 80, NULL, NULL) == 0);
	char ready[64] = "";
	size_t n = 0;
	while (strstr(ready, "ready") == NULL) { /* raw mode first, or the tty drops input */
		struct pollfd p = {pty.fd, POLLIN, 0};
		CHECK(poll(&p, 1, 20000) == 1);
		ssize_t got = term_pty_read(&pty, ready + n, sizeof ready - 1 - n);
		CHECK(got > 0);
		n += (size_t)got;
		ready[n] = '\0';
	}
	static char big[300000];
	memset(big, 'x', sizeof big);
	CHECK(term_pty_write(&pty, big, sizeof big) == 0);
	CHECK(term_pty_queued(&pty) > 0);
	CHECK(term_pty_write(&pty, big, TERM_PTY_MAX_QUEUE) == -1 && errno == ENOBUFS);
	char *out = drain(&pty, NULL);
	CHECKF(strstr(out, "300000") != NULL, "got \"%s\"", out);
	CHECK(term_pty_queued(&pty) == 0);
	free(out);
	finish(&pty);
}

static void test_default_shell(void)
{
	setenv("SHELL", "/bin/sh", 1);
	term_pty pty;
	CHECK(term_pty_spawn(&pty, NULL, 24, 80, NULL, NULL) == 0);
	const char *cmd = "echo $((6*7)); exit 5\n";
	CHECK(term_pty_write(&pty, cmd, strlen(cmd)) == 0);
	char *out = drain(&pty, NULL);
	CHECKF(strstr(out, "42\r\n") != NULL, "got \"%s\"", out);
	free(out);
	int status = finish(&pty);
	CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 5);
}

/* Whether pid runs the program comm now (its exec done). */
static bool runs(pid_t pid, const char *comm)
{
	char path[64], buf[64] = "";
	snprintf(path, sizeof path, "/proc/%d/comm", (int)pid);
	FILE *f = fopen(path, "r");
	if (f == NULL)
		return false;
	bool got = fgets(buf, sizeof buf, f) != NULL;
	fclose(f);
	return got && strncmp(buf, comm, strlen(comm)) == 0 && buf[strlen(comm)] == '\n';
}

/* Closing hangs up on a child that is still running. */
static void test_close_hangs_up(void)
{
	term_pty pty;
	char *argv[] = {"sleep", "60", NULL};
	CHECK(term_pty_spawn(&pty, argv, 24, 80, NULL, NULL) == 0);
	for (int i = 0; i < 1000 && !runs(pty.pid, "sleep"); i++)
		usleep(10000);
	CHECK(!term_pty_reap(&pty));
	int status = finish(&pty);
	CHECK(WIFSIGNALED(status) && WTERMSIG(status) == SIGHUP);
}

/*
 * Closed at once, before the child can have reset its signals, by a parent that ignores
 * SIGHUP (as a daemon may): the child still ends, hung up (the signal waits, blocked,
 * until the child's own handlers are back) or by forkpty's child finding the terminal
 * gone (exit 1); never does the command run its course (exit 0).
 */
static void test_close_at_once(void)
{
	void (*old)(int) = signal(SIGHUP, SIG_IGN);
	for (int i = 0; i < 50; i++) {
		term_pty pty;
		char *argv[] = {"sleep", "2", NULL};
		CHECK(term_pty_spawn(&pty, argv, 24, 80, NULL, NULL) == 0);
		int status = finish(&pty);
		CHECKF((WIFSIGNALED(status) && WTERMSIG(status) == SIGHUP) ||
			       (WIFEXITED(status) && WEXITSTATUS(status) == 1),
		       "spawn %d: status %#x", i, status);
	}
	signal(SIGHUP, old);
}

int main(void)
{
	signal(SIGPIPE, SIG_IGN);
	test_output_and_status();
	test_resize();
	test_queued_writes();
	test_default_shell();
	test_close_hangs_up();
	test_close_at_once();
	return 0;
}
