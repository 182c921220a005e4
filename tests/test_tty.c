/*
 * The client's terminal modes: a child enters them on a pty and is then ended by SIGTERM
 * (its handler restores, as the client's loop does) or by a crash signal (the crash
 * handler restores); after either, the pty is back in cooked mode and the last bytes
 * written leave every mode the client turned on.
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
	static const char off[] = "\033[?1004l\033[?2004l";
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
	CHECK(len >= sizeof off - 1);
	CHECK(memcmp(buf, "\033[?2004h\033[?1004h", 16) == 0);
	CHECKF(memmem(buf + 16, len - 16, off, sizeof off - 1) != NULL, "signal %d", sig);
	CHECK(memcmp(buf + len - 8, "\033[?1049l", 8) == 0);
	close(master);
	close(ready[0]);
}

int main(void)
{
	run(SIGTERM);
	run(SIGSEGV);
	run(SIGABRT);
	run(SIGBUS);
	return 0;
}
