/* The local terminal's modes and their restoring, crash signals included. */
#include "tty.h"
#include "catch.h"

#include <errno.h>
#include <signal.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

/*
 * Written on the way in and, precomputed, on every way out: a crash handler may not
 * format anything. Leaving: mouse reporting (every level, whichever is on), focus and
 * bracketed paste off, attributes reset, cursor shown, the main screen back (ncurses
 * entered the alternate one).
 */
static const char tty_modes_on[] = "\033[?2004h\033[?1004h";
static const char tty_modes_off[] = "\033[?1006l\033[?1003l\033[?1002l\033[?1000l"
				    "\033[?1004l\033[?2004l\033[0m\033[?25h\033[?1049l";

/* Per enum tty_mouse: always SGR coordinates (1006), which have no 223-cell limit. */
static const char *const tty_mouse_on[] = {
	"", "\033[?1000h\033[?1006h", "\033[?1002h\033[?1006h", "\033[?1003h\033[?1006h",
};
static const char *const tty_mouse_off[] = {
	"", "\033[?1006l\033[?1000l", "\033[?1006l\033[?1002l", "\033[?1006l\033[?1003l",
};

static const int tty_crash_signals[] = { SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT };

/* A crash handler reads these at any point of the loop. */
static volatile sig_atomic_t tty_active;
static int tty_fd = -1;
static struct termios tty_saved;
/* The mouse reporting wanted while the modes are on; the loop's alone. */
static enum tty_mouse tty_mouse_level;

/* Writes all of s, retrying on EINTR; async-signal-safe. */
static void tty_write(const char *s, size_t len)
{
	while (len > 0) {
		ssize_t n = write(tty_fd, s, len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return;
		s += n;
		len -= (size_t)n;
	}
}

static void tty_puts(const char *s)
{
	tty_write(s, strlen(s));
}

/* The restoring itself: async-signal-safe, so the crash handler shares it. */
static void tty_undo(void)
{
	int saved_errno = errno;

	if (!tty_active)
		return;
	tty_active = 0;
	tty_write(tty_modes_off, sizeof tty_modes_off - 1);
	tcsetattr(tty_fd, TCSAFLUSH, &tty_saved);
	errno = saved_errno;
}

/* Restores, then dies of the same signal with its default action (and core). */
static void tty_crash(int sig)
{
	tty_undo();
	signal(sig, SIG_DFL);
	raise(sig);
}

static int tty_raw(void)
{
	struct termios raw = tty_saved;

	cfmakeraw(&raw);
	raw.c_cc[VMIN] = 1;
	raw.c_cc[VTIME] = 0;
	if (tcsetattr(tty_fd, TCSAFLUSH, &raw) != 0)
		return -1;
	tty_write(tty_modes_on, sizeof tty_modes_on - 1);
	tty_puts(tty_mouse_on[tty_mouse_level]);
	tty_active = 1;
	return 0;
}

int tty_enter(int fd)
{
	if (tcgetattr(fd, &tty_saved) != 0)
		return -1;
	tty_fd = fd;
	catch_signals(tty_crash_signals, sizeof tty_crash_signals / sizeof tty_crash_signals[0],
		      tty_crash, SA_RESETHAND);
	return tty_raw();
}

void tty_restore(void)
{
	tty_undo();
}

void tty_reenter(void)
{
	if (tty_fd >= 0)
		tty_raw();
}

/* The level one pane's modes ask for. */
static enum tty_mouse tty_mouse_of(uint32_t modes)
{
	if (modes & TERM_MODE_MOUSE_MOVE)
		return TTY_MOUSE_MOVE;
	if (modes & TERM_MODE_MOUSE_DRAG)
		return TTY_MOUSE_DRAG;
	if (modes & TERM_MODE_MOUSE_CLICK)
		return TTY_MOUSE_CLICK;
	return TTY_MOUSE_OFF;
}

enum tty_mouse tty_mouse_wanted(const term_view *v)
{
	enum tty_mouse level = TTY_MOUSE_OFF;

	for (size_t i = 0; i < v->npanes; i++) {
		enum tty_mouse pane = tty_mouse_of(v->panes[i].screen->modes);
		if (pane > level)
			level = pane;
	}
	return level;
}

void tty_mouse(enum tty_mouse level)
{
	if (level == tty_mouse_level)
		return;
	if (tty_active) {
		tty_puts(tty_mouse_off[tty_mouse_level]);
		tty_puts(tty_mouse_on[level]);
	}
	tty_mouse_level = level;
}
