/* Starting the host's side over ssh and reading its connect line. */
#include "ssh_bootstrap.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include "ssh_reply.h"
#include "util/xmalloc.h"

/* What we keep of ssh's output: the connect line is short, an error message too. */
#define CAPTURE_MAX (64u << 10)

struct capture {
	char *p;
	size_t len, cap;
};

char *ssh_shell_quote(const char *word)
{
	size_t n = 2;
	for (const char *s = word; *s; s++)
		n += *s == '\'' ? 4 : 1;
	char *out = xmalloc(n + 1), *o = out;
	*o++ = '\'';
	for (const char *s = word; *s; s++) {
		if (*s == '\'') {
			memcpy(o, "'\\''", 4);
			o += 4;
		} else {
			*o++ = *s;
		}
	}
	*o++ = '\'';
	*o = '\0';
	return out;
}

/* The ssh command's words, then more, NULL-terminated; the words are allocated. */
static char **command_words(const char *ssh, char *const *more, size_t nmore)
{
	size_t n = 0;
	char **argv = xcalloc(strlen(ssh) / 2 + 2 + nmore, sizeof *argv);
	for (const char *s = ssh; *s;) {
		s += strspn(s, " \t");
		size_t len = strcspn(s, " \t");
		if (len > 0)
			argv[n++] = xstrndup(s, len);
		s += len;
	}
	for (size_t i = 0; i < nmore; i++)
		argv[n++] = xstrdup(more[i]);
	return argv;
}

void ssh_words_free(char **argv)
{
	for (size_t i = 0; argv[i] != NULL; i++)
		free(argv[i]);
	free(argv);
}

/* The command line the host's shell runs: the server as given (it may be a command with
 * settings, as mosh's --server), then quoted words: `bootstrap` and its flags for an
 * attach, then the rsh command; or `bootstrap --relay PORT` alone. */
static char *remote_command(const struct ssh_bootstrap *b, enum ssh_run run, unsigned port)
{
	char *cmd = xstrdup(b->server), portword[12];
	const char *flags[6] = {NULL};
	snprintf(portword, sizeof portword, "%u", port);
	if (run != SSH_RUN_COMMAND) {
		flags[0] = "bootstrap";
		flags[1] = b->family == AF_INET ? "-4" : b->family == AF_INET6 ? "-6" : NULL;
	}
	if (run == SSH_RUN_BOOTSTRAP || run == SSH_RUN_STDIO) {
		flags[2] = b->ports != NULL ? "-p" : NULL;
		flags[3] = b->ports;
		flags[4] = run == SSH_RUN_STDIO ? "--stdio" : NULL;
	} else if (run == SSH_RUN_RELAY) {
		flags[2] = "--relay";
		flags[3] = portword;
	}
	char *words[6 + 1 + b->argc];
	size_t n = 0;
	for (int i = 0; i < 6; i++)
		if (flags[i] != NULL)
			words[n++] = (char *)flags[i];
	if (run != SSH_RUN_RELAY) {
		words[n++] = "--";
		for (int i = 0; i < b->argc; i++)
			words[n++] = b->argv[i];
	}
	for (size_t i = 0; i < n; i++) {
		char *q = ssh_shell_quote(words[i]), *next;
		xasprintf(&next, "%s %s", cmd, q);
		free(q);
		free(cmd);
		cmd = next;
	}
	return cmd;
}

/* ssh's words to run the remote command: the user's ssh command, no terminal for a stream
 * of frames, no prompt for a run the user did not ask for (a relay started again behind
 * the client's screen), the address to reach when we chose it, the destination, the
 * command. */
char **ssh_bootstrap_words(const struct ssh_bootstrap *b, enum ssh_run run, unsigned port)
{
	char *cmd = remote_command(b, run, port), *host = NULL;
	char *more[12];
	size_t n = 0;
	if (run == SSH_RUN_STDIO || run == SSH_RUN_RELAY)
		more[n++] = "-T";
	if (run == SSH_RUN_RELAY) {
		more[n++] = "-o";
		more[n++] = "BatchMode=yes";
		more[n++] = "-o";
		more[n++] = "ConnectTimeout=10";
	}
	if (b->hostname != NULL) {
		xasprintf(&host, "HostName=%s", b->hostname);
		more[n++] = "-o";
		more[n++] = host;
	}
	more[n++] = (char *)b->destination;
	more[n++] = "--";
	more[n++] = cmd;
	char **argv = command_words(b->ssh, more, n);
	free(host);
	free(cmd);
	return argv;
}

static void capture_read(struct capture *c, int fd, bool *open)
{
	char buf[4096];
	ssize_t n = read(fd, buf, sizeof buf);
	if (n < 0 && (errno == EINTR || errno == EAGAIN))
		return;
	if (n <= 0) {
		*open = false;
		return;
	}
	size_t keep = c->len + (size_t)n > CAPTURE_MAX ? CAPTURE_MAX - c->len : (size_t)n;
	c->p = xgrow(c->p, &c->cap, c->len + keep + 1, 256);
	memcpy(c->p + c->len, buf, keep);
	c->len += keep;
	c->p[c->len] = '\0';
}

/* A pipe for the child's descriptor target: the child's end in p[child], ours
 * non-blocking when asked. */
static int child_pipe(int p[2], int child, bool nonblock)
{
	if (pipe2(p, O_CLOEXEC) != 0)
		return -1;
	if (nonblock)
		fcntl(p[1 - child], F_SETFL, O_NONBLOCK);
	return 0;
}

pid_t ssh_spawn(char **argv, int *in, int *out, int *err)
{
	int pi[2] = {-1, -1}, po[2] = {-1, -1}, pe[2] = {-1, -1};
	bool nonblock = in != NULL; /* a kept stream: polled, never waited on */
	if ((in != NULL && child_pipe(pi, 0, true) != 0) || child_pipe(po, 1, nonblock) != 0 ||
	    child_pipe(pe, 1, nonblock) != 0) {
		int fds[] = {pi[0], pi[1], po[0], po[1], pe[0], pe[1]};
		for (int i = 0; i < 6; i++)
			if (fds[i] >= 0)
				close(fds[i]);
		return -1;
	}
	pid_t pid = fork();
	if (pid == 0) {
		int null = in == NULL ? open("/dev/null", O_RDONLY) : pi[0];
		dup2(null, STDIN_FILENO);
		dup2(po[1], STDOUT_FILENO);
		dup2(pe[1], STDERR_FILENO);
		execvp(argv[0], argv);
		dprintf(STDERR_FILENO, "cannot run %s: %s\n", argv[0], strerror(errno));
		_exit(255);
	}
	if (in != NULL) {
		close(pi[0]);
		*in = pi[1];
	}
	close(po[1]);
	close(pe[1]);
	*out = po[0];
	*err = pe[0];
	if (pid < 0) {
		if (in != NULL)
			close(*in);
		close(*out);
		close(*err);
	}
	return pid;
}

/* Runs argv with stdin from /dev/null (ssh prompts on the terminal itself) and stdout and
 * stderr captured; returns its wait status, or -1 when it could not start. */
static int run_captured(char **argv, struct capture *out, struct capture *err)
{
	int fo, fe;
	pid_t pid = ssh_spawn(argv, NULL, &fo, &fe);
	if (pid < 0)
		return -1;
	bool open_out = true, open_err = true;
	while (open_out || open_err) {
		struct pollfd fds[2] = {{open_out ? fo : -1, POLLIN, 0},
					{open_err ? fe : -1, POLLIN, 0}};
		if (poll(fds, 2, -1) < 0 && errno != EINTR)
			break;
		if (fds[0].revents)
			capture_read(out, fo, &open_out);
		if (fds[1].revents)
			capture_read(err, fe, &open_err);
	}
	close(fo);
	close(fe);
	int status = -1;
	while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
		;
	return status;
}

char *ssh_bootstrap_run(const struct ssh_bootstrap *b, struct net_connect *c)
{
	char **argv = ssh_bootstrap_words(b, SSH_RUN_BOOTSTRAP, 0);
	struct capture out = {0}, err = {0};
	int status = run_captured(argv, &out, &err);
	char *why;
	if (status == -1)
		xasprintf(&why, "cannot run %s: %s", argv[0], strerror(errno));
	else
		why = ssh_reply_read(out.p, out.len, err.p, err.len, status, c);
	ssh_words_free(argv);
	free(out.p);
	free(err.p);
	return why;
}

int ssh_bootstrap_command(const struct ssh_bootstrap *b)
{
	char **argv = ssh_bootstrap_words(b, SSH_RUN_COMMAND, 0);
	int status = -1;
	pid_t pid = fork();
	if (pid == 0) {
		execvp(argv[0], argv);
		fprintf(stderr, "rsh: cannot run %s: %s\n", argv[0], strerror(errno));
		_exit(255);
	}
	ssh_words_free(argv);
	while (pid > 0 && waitpid(pid, &status, 0) < 0 && errno == EINTR)
		;
	if (pid < 0 || status == -1)
		return -1;
	return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

char *ssh_bootstrap_hostname(const struct ssh_bootstrap *b)
{
	char *more[] = {"-G", (char *)b->destination};
	char **argv = command_words(b->ssh, more, 2);
	struct capture out = {0}, err = {0};
	int status = run_captured(argv, &out, &err);
	ssh_words_free(argv);
	size_t len;
	const char *line = status == 0 ? ssh_reply_line(out.p, out.len, "hostname ", &len) : NULL;
	char *host = NULL;
	if (line != NULL) {
		host = xstrndup(line + 9, strcspn(line + 9, "\r\n"));
	} else {
		const char *at = strrchr(b->destination, '@');
		host = xstrdup(at != NULL ? at + 1 : b->destination);
	}
	free(out.p);
	free(err.p);
	return host;
}
