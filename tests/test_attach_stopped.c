/*
 * A terminal that takes nothing for a while (its output stopped: what a slow terminal's
 * full buffer, or C-s on a terminal with flow control, does to the client's writes): the
 * client draws nothing meanwhile, but goes on reading keys and datagrams, so a command
 * typed then reaches the shell and runs; once the terminal takes output again the client
 * shows the newest screen. Before, the client wrote each drawing whatever the terminal's
 * room and hung in that write with the keys after it unread.
 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <termios.h>
#include <unistd.h>

#include "attach_harness.h"
#include "check.h"

/* Whether path exists within ms, the client's output read meanwhile (none comes). */
static bool appears(harness_client *c, const char *path, int ms)
{
	struct stat st;
	for (int waited = 0; waited < ms; waited += 50) {
		if (stat(path, &st) == 0)
			return true;
		harness_pump(c, 50);
	}
	return stat(path, &st) == 0;
}

int main(void)
{
	harness_init();
	harness_client *c = harness_client_start(80, 24, "new", "-s", "work", (char *)NULL);
	harness_wait_text(c, "$");
	int tty = open(ptsname(harness_client_fd(c)), O_RDWR | O_NOCTTY);
	CHECK(tty >= 0);
	CHECK(tcflow(tty, TCOOFF) == 0);

	/* In two parts: the echo of the first comes back before the second is typed, and
	 * the client must not be stuck drawing it. */
	char *path, *rest;
	if (asprintf(&path, "%s/stopped-ran", harness_dir()) < 0 ||
	    asprintf(&rest, " %s\r", path) < 0)
		return 1;
	harness_send(c, "touch");
	harness_pump(c, 500);
	harness_send(c, rest);
	CHECKF(appears(c, path, 10000), "the command typed while the terminal was stopped "
	       "did not run");

	CHECK(tcflow(tty, TCOON) == 0);
	harness_wait_text(c, "stopped-ran");
	harness_wait_line(c, "$");
	close(tty);
	unlink(path);
	free(path);
	free(rest);
	harness_client_free(c);
	return 0;
}
