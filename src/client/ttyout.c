/* The local terminal's output queued in a memory file (ttyout.h). */
#include "ttyout.h"
#include "util/xmalloc.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <unistd.h>

struct ttyout {
	FILE *file;  /* the memory file's stream, appending: ncurses writes to its fd too */
	int mem;     /* the memory file */
	int tty;     /* where it goes: our own non-blocking descriptor, or the caller's */
	bool own;    /* tty is ours to close */
	off_t sent;  /* how much of the memory file the terminal has taken */
};

/* A descriptor of the terminal at fd that does not block, without touching fd's own
 * flags (which the shell that started us shares); -1 when fd is no terminal. */
static int reopen_nonblocking(int fd)
{
	char path[64];
	if (!isatty(fd) || ttyname_r(fd, path, sizeof path) != 0)
		return -1;
	return open(path, O_WRONLY | O_NOCTTY | O_NONBLOCK | O_CLOEXEC);
}

ttyout *ttyout_new(int fd)
{
	int mem = memfd_create("rsh-tty", MFD_CLOEXEC);
	if (mem < 0)
		return NULL;
	FILE *file = fcntl(mem, F_SETFL, O_APPEND) == 0 ? fdopen(mem, "a") : NULL;
	if (file == NULL) {
		close(mem);
		return NULL;
	}
	ttyout *q = xcalloc(1, sizeof *q);
	q->file = file;
	q->mem = mem;
	q->tty = reopen_nonblocking(fd);
	q->own = q->tty >= 0;
	if (!q->own)
		q->tty = fd;
	return q;
}

FILE *ttyout_file(ttyout *q)
{
	return q->file;
}

int ttyout_fd(const ttyout *q)
{
	return q->tty;
}

/* The memory file starts again once this much is written and sent: truncating it after
 * every drawing cost a system call a keystroke (and a page freed and zeroed again). */
#define TTYOUT_REWIND_BYTES 65536

/* All written (or dropped): the next output starts the memory file again. */
static void restart(ttyout *q)
{
	q->sent = 0;
	if (ftruncate(q->mem, 0) != 0)
		abort(); /* a memory file we made always truncates */
}

bool ttyout_send(ttyout *q)
{
	char buf[65536];

	fflush(q->file);
	off_t end = lseek(q->mem, 0, SEEK_END);
	while (q->sent < end) {
		size_t want = (size_t)(end - q->sent) < sizeof buf ? (size_t)(end - q->sent)
								    : sizeof buf;
		ssize_t got = pread(q->mem, buf, want, q->sent), n = 0;
		if (got > 0)
			n = write(q->tty, buf, (size_t)got);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0 && errno == EAGAIN)
			return false;
		if (n <= 0) { /* the terminal failed: what it would have shown is moot */
			q->sent = end;
			break;
		}
		q->sent += n;
		if (n < got)
			return false;
	}
	if (end >= TTYOUT_REWIND_BYTES)
		restart(q);
	return true;
}

void ttyout_finish(ttyout *q)
{
	while (!ttyout_send(q)) {
		struct pollfd p = { .fd = q->tty, .events = POLLOUT };
		if (poll(&p, 1, -1) < 0 && errno != EINTR)
			break;
		if (p.revents & (POLLERR | POLLHUP | POLLNVAL))
			break;
	}
	restart(q); /* what a failed terminal did not take is dropped */
}

void ttyout_free(ttyout *q)
{
	if (q == NULL)
		return;
	ttyout_finish(q);
	fclose(q->file);
	if (q->own)
		close(q->tty);
	free(q);
}
