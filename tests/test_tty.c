/*
 * The client's terminal modes: a child enters them on a pty, turns mouse reporting on and
 * changes its level, and is then ended by SIGTERM (its handler restores, as the client's
 * loop does) or by a crash signal (the crash handler restores); after either, the pty is
 * back in cooked mode and the last bytes written leave every mode the client turned on.
 * The mouse level a view asks for is checked on views built in place.
 */
#include <errno.h>
#include <poll.h>
#include <pty.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <termios.h>
#include <unistd.h>

#include "check.h"
#include "client/tty.h"

static void on_term(int sig)
{
	(void)sig;
	tty_restore();
	_exit(0);
}

/* The child: enters the modes on the slave, says so on ready, waits to be killed. */
static void child(int slave, int ready)
{
	struct rlimit none = { 0, 0 };

	setrlimit(RLIMIT_CORE, &none);
	signal(SIGTERM, on_term);
	if (tty_enter(slave) != 0)
		_exit(2);
	tty_mouse(TTY_MOUSE_CLICK);
	tty_mouse(TTY_MOUSE_CLICK); /* no change: nothing written */
	tty_mouse(TTY_MOUSE_MOVE);
	if (write(ready, "R", 1) != 1)
		_exit(2);
	for (;;)
		pause();
}

/* Everything the master has to read, until the child's side is closed. */
static size_t drain(int master, char *buf, size_t cap)
{
	size_t len = 0;
	struct pollfd p = { .fd = master, .events = POLLIN };

	while (len < cap && poll(&p, 1, 2000) > 0) {
		ssize_t n = read(master, buf + len, cap - len);
		if (n <= 0)
			break;
		len += (size_t)n;
	}
	return len;
}

static void run(int sig)
{
	int master, slave, ready[2], status;
	struct termios t;
	char buf[4096], c;
	/* Modes on, clicks reported, then any motion instead (the old level off first). */
	static const char on[] = "\033[?2004h\033[?1004h\033[?1000h\033[?1006h"
				 "\033[?1006l\033[?1000l\033[?1003h\033[?1006h";
	static const char off[] = "\033[?1006l\033[?1003l\033[?1002l\033[?1000l"
				  "\033[?1004l\033[?2004l";
	size_t len;
	pid_t pid;

	CHECK(openpty(&master, &slave, NULL, NULL, NULL) == 0);
	CHECK(pipe(ready) == 0);
	pid = fork();
	CHECK(pid >= 0);
	if (pid == 0) {
		close(master);
		close(ready[0]);
		child(slave, ready[1]);
	}
	close(ready[1]);
	CHECK(read(ready[0], &c, 1) == 1);
	CHECK(tcgetattr(slave, &t) == 0);
	CHECK((t.c_lflag & (ICANON | ECHO)) == 0);
	CHECK(kill(pid, sig) == 0);
	CHECK(waitpid(pid, &status, 0) == pid);
	if (sig == SIGTERM)
		CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	else
		CHECKF(WIFSIGNALED(status) && WTERMSIG(status) == sig, "status %#x", status);
	CHECK(tcgetattr(slave, &t) == 0);
	CHECKF((t.c_lflag & (ICANON | ECHO)) == (ICANON | ECHO), "signal %d", sig);
	close(slave);
	len = drain(master, buf, sizeof buf);
	CHECK(len >= sizeof on - 1 + sizeof off - 1);
	CHECK(memcmp(buf, on, sizeof on - 1) == 0);
	CHECKF(memmem(buf + sizeof on - 1, len - (sizeof on - 1), off, sizeof off - 1) != NULL,
	       "signal %d", sig);
	CHECK(memcmp(buf + len - 8, "\033[?1049l", 8) == 0);
	close(master);
	close(ready[0]);
}

/* A view of panes with these modes; only the modes matter to tty_mouse_wanted. */
static enum tty_mouse wanted(const uint32_t *modes, unsigned n)
{
	term_snapshot screens[4] = {0};
	term_view_pane panes[4] = {0};
	term_view v = { .npanes = (uint16_t)n, .panes = panes };

	for (unsigned i = 0; i < n; i++) {
		screens[i].modes = modes[i];
		panes[i].screen = &screens[i];
	}
	return tty_mouse_wanted(&v);
}

static void mouse_levels(void)
{
	const uint32_t plain = TERM_MODE_ALTSCREEN | TERM_MODE_BRACKETED_PASTE |
			       TERM_MODE_FOCUS_REPORT;

	CHECK(wanted(NULL, 0) == TTY_MOUSE_OFF);
	CHECK(wanted((uint32_t[]){ plain, 0 }, 2) == TTY_MOUSE_OFF);
	CHECK(wanted((uint32_t[]){ 0, TERM_MODE_MOUSE_CLICK }, 2) == TTY_MOUSE_CLICK);
	CHECK(wanted((uint32_t[]){ TERM_MODE_MOUSE_DRAG, TERM_MODE_MOUSE_CLICK }, 2) ==
	      TTY_MOUSE_DRAG);
	CHECK(wanted((uint32_t[]){ TERM_MODE_MOUSE_CLICK, plain, TERM_MODE_MOUSE_MOVE,
				   TERM_MODE_MOUSE_DRAG }, 4) == TTY_MOUSE_MOVE);
	/* A pane with several levels set counts as its highest. */
	CHECK(wanted((uint32_t[]){ TERM_MODE_MOUSE_CLICK | TERM_MODE_MOUSE_DRAG }, 1) ==
	      TTY_MOUSE_DRAG);
}

int main(void)
{
	mouse_levels();
	run(SIGTERM);
	run(SIGSEGV);
	run(SIGABRT);
	run(SIGBUS);
	return 0;
}
