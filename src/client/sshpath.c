/* Datagrams over an ssh kept open, run again when it ends. */
#include "sshpath.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "ssh_reply.h"
#include "net/dgram_stream.h"
#include "util/xmalloc.h"

/* What ssh may print before the relay's line (a shell's start-up chatter). */
#define TEXT_MAX (64u << 10)
/* Frames waiting for ssh to take them: a few round trips' worth of a busy link. */
#define QUEUE_MAX (64u * NET_STREAM_FRAME_MAX)
#define RELAY_MARKER "RSH RELAY"
/* How long an ssh told to end may take before it is killed, and the steps of that wait. */
#define REAP_MS 500
#define REAP_STEP_MS 5

struct bytes {
	char *p;
	size_t len, cap;
};

struct sshpath {
	struct ssh_bootstrap b;
	unsigned port;        /* the server's UDP port, for --relay */
	pid_t pid;            /* 0: no ssh running */
	int to, from, err;    /* our ends of ssh's stdin, stdout, stderr; -1: closed */
	bool up;              /* the marker line came: frames follow */
	const char *marker;
	struct bytes text;    /* what came before the marker */
	struct net_stream_in in;
	uint8_t *q;           /* frames not yet written, QUEUE_MAX bytes of room */
	size_t qlen;
	uint64_t retry_at;    /* with no ssh: when to run it again */
	unsigned delay;
	struct bytes err_text; /* what this ssh wrote on stderr, its last TEXT_MAX bytes */
	char state[96];       /* "ssh down (why)" once an ssh has ended */
};

static void bytes_add(struct bytes *b, const void *p, size_t n)
{
	b->p = xgrow(b->p, &b->cap, b->len + n + 1, 256);
	memcpy(b->p + b->len, p, n);
	b->len += n;
	b->p[b->len] = '\0';
}

static void close_fd(int *fd)
{
	if (*fd >= 0)
		close(*fd);
	*fd = -1;
}

static bool start(sshpath *p, enum ssh_run run)
{
	char **argv = ssh_bootstrap_words(&p->b, run, p->port);
	p->pid = ssh_spawn(argv, &p->to, &p->from, &p->err);
	ssh_words_free(argv);
	if (p->pid < 0) {
		p->pid = 0;
		p->to = p->from = p->err = -1;
		return false;
	}
	p->marker = run == SSH_RUN_STDIO ? NET_CONNECT_PREFIX : RELAY_MARKER;
	p->up = false;
	p->text.len = 0;
	p->err_text.len = 0;
	memset(&p->in, 0, sizeof p->in);
	p->qlen = 0;
	return true;
}

static bool drain_err(sshpath *p);

/* "ssh down (why)": the tail of ssh's last line on stderr (after its last ": ", the
 * words that say what went wrong), else how it ended. */
static void say_down(sshpath *p, int status)
{
	char *line = ssh_reply_last_line(p->err_text.p != NULL ? p->err_text.p : "",
					 p->err_text.len); /* NULL until ssh says anything */
	const char *tail = strrchr(line, ':');
	tail = tail != NULL && tail[1] == ' ' ? tail + 2 : line;
	if (*tail != '\0')
		snprintf(p->state, sizeof p->state, "ssh down (%s)", tail);
	else if (WIFEXITED(status))
		snprintf(p->state, sizeof p->state, "ssh down (exit status %d)",
			 WEXITSTATUS(status));
	else if (WIFSIGNALED(status))
		snprintf(p->state, sizeof p->state, "ssh down (killed by signal %d)",
			 WTERMSIG(status));
	else
		snprintf(p->state, sizeof p->state, "ssh down");
	free(line);
}

/* Waits for ssh to exit (kill: after a SIGTERM, and a SIGCONT that a stopped one needs to
 * act on it); one that has not ended after REAP_MS gets SIGKILL: the client's loop must not
 * wait on a stuck ssh. Returns its wait status. */
static int reap(pid_t pid, bool kill_it)
{
	int status = -1;
	if (kill_it) {
		kill(pid, SIGTERM);
		kill(pid, SIGCONT);
	}
	for (unsigned waited = 0;; waited += REAP_STEP_MS) {
		pid_t r = waitpid(pid, &status, kill_it ? WNOHANG : 0);
		if (r == pid || (r < 0 && errno != EINTR))
			return status;
		if (r == 0 && waited >= REAP_MS)
			break;
		if (r == 0)
			nanosleep(&(struct timespec){0, REAP_STEP_MS * 1000000L}, NULL);
	}
	kill(pid, SIGKILL);
	while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
		;
	return status;
}

/* ssh is over (kill: we end it); returns its wait status. The next runs after the delay,
 * which doubles with each ssh that ends. */
static int end(sshpath *p, bool kill_it, uint64_t now_ms)
{
	int status = -1;
	while (p->err >= 0 && drain_err(p)) /* what it still says of why */
		;
	close_fd(&p->to);
	close_fd(&p->from);
	if (p->pid > 0)
		status = reap(p->pid, kill_it);
	p->pid = 0;
	p->up = false;
	say_down(p, status);
	p->retry_at = now_ms + p->delay;
	p->delay = p->delay * 2 > SSHPATH_RETRY_MAX_MS ? SSHPATH_RETRY_MAX_MS : p->delay * 2;
	return status;
}

struct got {
	void (*fn)(void *arg, const uint8_t *dgram, size_t len);
	void *arg;
};

static void got_none(void *arg, const uint8_t *dgram, size_t len)
{
	(void)arg;
	(void)dgram;
	(void)len;
}

/* ssh's output: text until the marker line is whole, frames after it. False when the
 * stream broke (too much text, a bad frame). */
static bool take(sshpath *p, const uint8_t *buf, size_t n, const struct got *g)
{
	if (p->up)
		return net_stream_feed(&p->in, buf, n, g->fn, g->arg);
	if (p->text.len + n > TEXT_MAX)
		return false;
	size_t linelen;
	bytes_add(&p->text, buf, n);
	const char *line = ssh_reply_line(p->text.p, p->text.len, p->marker, &linelen);
	if (line == NULL || line[linelen - 1] != '\n')
		return true;
	size_t rest = (size_t)(line + linelen - p->text.p);
	p->up = true;
	p->delay = SSHPATH_RETRY_MS;
	return net_stream_feed(&p->in, (uint8_t *)p->text.p + rest, p->text.len - rest, g->fn,
			       g->arg);
}

/* Reads ssh's stdout once; false at its end or when the stream broke. */
static bool read_from(sshpath *p, const struct got *g)
{
	uint8_t buf[16384];
	ssize_t n = read(p->from, buf, sizeof buf);
	if (n < 0)
		return errno == EINTR || errno == EAGAIN;
	return n > 0 && take(p, buf, (size_t)n, g);
}

sshpath *sshpath_open(const struct ssh_bootstrap *b, struct net_connect *c, char **why)
{
	sshpath *p = xcalloc(1, sizeof *p);
	struct bytes err = {0};
	struct got none = {got_none, NULL};
	p->b = *b;
	p->to = p->from = p->err = -1;
	p->q = xmalloc(QUEUE_MAX);
	p->delay = SSHPATH_RETRY_MS;
	if (!start(p, SSH_RUN_STDIO)) {
		xasprintf(why, "cannot run %s: %s", b->ssh, strerror(errno));
		sshpath_free(p);
		return NULL;
	}
	bool open_out = true;
	while (open_out && !p->up) {
		struct pollfd fds[2] = {{p->from, POLLIN, 0}, {p->err, POLLIN, 0}};
		if (poll(fds, p->err >= 0 ? 2 : 1, -1) < 0 && errno != EINTR)
			break;
		if (fds[0].revents)
			open_out = read_from(p, &none);
		if (p->err >= 0 && fds[1].revents) {
			char buf[4096];
			ssize_t n = read(p->err, buf, sizeof buf);
			if (n > 0 && err.len + (size_t)n <= TEXT_MAX)
				bytes_add(&err, buf, (size_t)n);
			else if (n == 0 || (n < 0 && errno != EINTR && errno != EAGAIN))
				close_fd(&p->err);
		}
	}
	if (!p->up) {
		/* Drain what ssh still says of why, then its status. */
		char buf[4096];
		ssize_t n;
		if (p->err >= 0)
			fcntl(p->err, F_SETFL, 0);
		while (p->err >= 0 && (n = read(p->err, buf, sizeof buf)) > 0)
			if (err.len + (size_t)n <= TEXT_MAX)
				bytes_add(&err, buf, (size_t)n);
		int status = end(p, false, 0);
		*why = ssh_reply_read(p->text.p, p->text.len, err.p, err.len, status, c);
		if (*why == NULL)
			*why = xstrdup("no relay from the host: its connect line did not end");
	} else {
		*why = ssh_reply_read(p->text.p, p->text.len, err.p, err.len, 0, c);
	}
	free(err.p);
	if (*why != NULL) {
		sshpath_free(p);
		return NULL;
	}
	p->port = c->port;
	return p;
}

void sshpath_free(sshpath *p)
{
	if (p == NULL)
		return;
	end(p, true, 0);
	free(p->text.p);
	free(p->err_text.p);
	free(p->q);
	free(p);
}

const char *sshpath_state(const sshpath *p)
{
	return p->up ? "ssh" : p->state[0] != '\0' ? p->state : "ssh down";
}

bool sshpath_up(const sshpath *p)
{
	return p->up;
}

void sshpath_send(sshpath *p, const uint8_t *dgram, size_t len)
{
	if (!p->up || len == 0 || len > NET_DGRAM_MAX ||
	    p->qlen + NET_STREAM_HEADER + len > QUEUE_MAX)
		return;
	p->qlen += net_stream_frame(p->q + p->qlen, dgram, len);
	/* At once: the next poll would cost a turn of the loop on every keystroke. */
	ssize_t n = write(p->to, p->q, p->qlen);
	if (n > 0) {
		memmove(p->q, p->q + n, p->qlen - (size_t)n);
		p->qlen -= (size_t)n;
	}
}

void sshpath_restart(sshpath *p, uint64_t now_ms)
{
	if (p->pid == 0)
		return;
	end(p, true, now_ms);
	/* Its words, if any, are older than its silence: we know why it ended. */
	snprintf(p->state, sizeof p->state, "ssh down (stalled)");
}

unsigned sshpath_pollfds(const sshpath *p, struct pollfd *pfd)
{
	unsigned n = 0;
	if (p->pid == 0)
		return 0;
	pfd[n++] = (struct pollfd){.fd = p->from, .events = POLLIN};
	if (p->err >= 0)
		pfd[n++] = (struct pollfd){.fd = p->err, .events = POLLIN};
	if (p->qlen > 0)
		pfd[n++] = (struct pollfd){.fd = p->to, .events = POLLOUT};
	return n;
}

/* Reads what ssh says once (its screen is the client's now), keeping the last TEXT_MAX
 * bytes for why it ends; false when nothing more is there now (closed at its end). */
static bool drain_err(sshpath *p)
{
	char buf[4096];
	ssize_t n = read(p->err, buf, sizeof buf);
	if (n > 0) {
		if (p->err_text.len + (size_t)n > TEXT_MAX)
			p->err_text.len = 0; /* the older text goes: the last lines say why */
		bytes_add(&p->err_text, buf, (size_t)n);
		return true;
	}
	if (n == 0 || (errno != EINTR && errno != EAGAIN))
		close_fd(&p->err);
	return n < 0 && errno == EINTR;
}

static void flush_queue(sshpath *p, uint64_t now_ms)
{
	ssize_t n = write(p->to, p->q, p->qlen);
	if (n > 0) {
		memmove(p->q, p->q + n, p->qlen - (size_t)n);
		p->qlen -= (size_t)n;
	} else if (n < 0 && errno != EINTR && errno != EAGAIN) {
		end(p, true, now_ms); /* ssh's input is gone */
	}
}

void sshpath_io(sshpath *p, const struct pollfd *pfd, unsigned n, uint64_t now_ms,
		void (*got)(void *arg, const uint8_t *dgram, size_t len), void *arg)
{
	struct got g = {got, arg};
	for (unsigned i = 0; i < n && p->pid > 0; i++) {
		if (!pfd[i].revents)
			continue;
		if (pfd[i].fd == p->from && !read_from(p, &g))
			end(p, true, now_ms);
		else if (pfd[i].fd == p->err)
			drain_err(p);
		else if (pfd[i].fd == p->to)
			flush_queue(p, now_ms);
	}
	if (p->pid == 0 && now_ms >= p->retry_at && !start(p, SSH_RUN_RELAY))
		p->retry_at = now_ms + p->delay;
}

int sshpath_timeout_ms(const sshpath *p, uint64_t now_ms)
{
	if (p->pid > 0)
		return -1;
	return p->retry_at > now_ms ? (int)(p->retry_at - now_ms) : 0;
}
