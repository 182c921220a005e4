/*
 * The terminal's output queue (ttyout.h) on a pty: everything written reaches the
 * terminal once and in order, through drawings the terminal takes at once, a terminal
 * that takes nothing for a while (its buffer full) and many drawings past the point
 * where the memory file starts again; a terminal that fails drops what it had.
 */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pty.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "check.h"
#include "client/ttyout.h"

/* Reads what the master has now into buf at *len (at most size); how much came. */
static size_t drain(int master, char *buf, size_t *len, size_t size)
{
	size_t before = *len;
	struct pollfd p = { .fd = master, .events = POLLIN };
	ssize_t n;
	while (*len < size && poll(&p, 1, 50) > 0 && (n = read(master, buf + *len, size - *len)) > 0)
		*len += (size_t)n;
	return *len - before;
}

/* A pty in raw mode (the bytes arrive as written); the slave's fd in *slave. */
static int open_raw_pty(int *slave)
{
	int master;
	struct termios t;
	CHECK(openpty(&master, slave, NULL, NULL, NULL) == 0);
	CHECK(tcgetattr(*slave, &t) == 0);
	cfmakeraw(&t);
	CHECK(tcsetattr(*slave, TCSANOW, &t) == 0);
	return master;
}

/* Drawings of numbered lines, sent after each: the terminal reads them all, in order,
 * past several starts of the memory file (it starts again every 64 KiB). */
static void test_in_order(void)
{
	int slave, master = open_raw_pty(&slave);
	ttyout *q = ttyout_new(slave);
	CHECK(q != NULL);
	size_t size = 1 << 20, len = 0, want = 0;
	char *got = malloc(size), *expect = malloc(size);
	for (unsigned i = 0; i < 20000; i++) {
		int n = snprintf(expect + want, size - want, "line %05u\n", i);
		fputs(expect + want, ttyout_file(q));
		want += (size_t)n;
		if (!ttyout_send(q))
			while (!ttyout_send(q))
				drain(master, got, &len, size);
		if (i % 64 == 0)
			drain(master, got, &len, size);
	}
	drain(master, got, &len, size);
	CHECKF(len == want, "the terminal got %zu bytes of %zu", len, want);
	CHECK(memcmp(got, expect, want) == 0);
	ttyout_free(q);
	free(got);
	free(expect);
	close(master);
	close(slave);
}

/* A terminal that reads nothing: the queue takes a drawing larger than the pty's buffer
 * at once, send says what is left, and once the terminal reads all of it arrives. */
static void test_blocked_terminal(void)
{
	int slave, master = open_raw_pty(&slave);
	ttyout *q = ttyout_new(slave);
	size_t size = 1 << 20, len = 0, want = 300000;
	char *got = malloc(size);
	for (size_t i = 0; i < want; i++)
		fputc('a' + (int)(i % 26), ttyout_file(q));
	CHECK(!ttyout_send(q)); /* the pty's buffer is far smaller */
	unsigned rounds = 0;
	while (!ttyout_send(q) && rounds++ < 10000)
		drain(master, got, &len, size);
	drain(master, got, &len, size);
	CHECKF(len == want, "the terminal got %zu bytes of %zu", len, want);
	for (size_t i = 0; i < len; i++)
		if (got[i] != 'a' + (int)(i % 26))
			CHECKF(0, "byte %zu is %c", i, got[i]);
	ttyout_free(q);
	free(got);
	close(master);
	close(slave);
}

/* The terminal hung up: what it did not take is dropped, and later output is not sent
 * with it again. */
static void test_failed_terminal(void)
{
	int slave, master = open_raw_pty(&slave);
	ttyout *q = ttyout_new(slave);
	fputs("first", ttyout_file(q));
	CHECK(ttyout_send(q));
	char buf[64];
	size_t len = 0;
	drain(master, buf, &len, sizeof buf);
	CHECK(len == 5 && memcmp(buf, "first", 5) == 0);
	close(master); /* writes to the slave fail now (EIO) */
	fputs("lost", ttyout_file(q));
	CHECK(ttyout_send(q));
	CHECK(ttyout_send(q)); /* nothing left to try again */
	ttyout_free(q);
	close(slave);
}

int main(void)
{
	test_in_order();
	test_blocked_terminal();
	test_failed_terminal();
	return 0;
}
