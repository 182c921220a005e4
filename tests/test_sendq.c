/*
 * The held-back datagram queue (sendq.h) over loopback UDP: datagrams pushed while it
 * holds go nowhere until the flush, then all arrive, in order, to the right receiver;
 * more than SENDQ_MAX flush by themselves on the way; a refused run (a closed socket) is
 * counted and does not stop the datagrams behind it; not holding, nothing is queued.
 */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "check.h"
#include "net/sendq.h"

/* A UDP socket bound to 127.0.0.1 on a port the kernel picks; its address in *addr. */
static int bound(struct sockaddr_in *addr)
{
	int fd = socket(AF_INET, SOCK_DGRAM | SOCK_NONBLOCK, 0);
	CHECK(fd >= 0);
	int size = 1 << 21;
	setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &size, sizeof size);
	*addr = (struct sockaddr_in){ .sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK) };
	CHECK(bind(fd, (struct sockaddr *)addr, sizeof *addr) == 0);
	socklen_t len = sizeof *addr;
	CHECK(getsockname(fd, (struct sockaddr *)addr, &len) == 0);
	return fd;
}

/* The next datagram on fd as a number ("%u" text), or -1 when none comes in 200 ms. */
static long next_number(int fd)
{
	struct pollfd p = { .fd = fd, .events = POLLIN };
	char buf[64];
	if (poll(&p, 1, 200) <= 0)
		return -1;
	ssize_t n = recv(fd, buf, sizeof buf - 1, 0);
	if (n <= 0)
		return -1;
	buf[n] = '\0';
	long v;
	return sscanf(buf, "%ld", &v) == 1 ? v : -1;
}

static void push_number(int fd, const struct sockaddr_in *to, unsigned v)
{
	char buf[32];
	int n = snprintf(buf, sizeof buf, "%u", v);
	CHECK(sendq_push(fd, (const struct sockaddr *)to, sizeof *to, (const uint8_t *)buf, (size_t)n));
}

int main(void)
{
	struct sockaddr_in a, b, from;
	int ra = bound(&a), rb = bound(&b), tx = bound(&from);

	CHECK(!sendq_holding());
	sendq_hold();
	CHECK(sendq_holding());
	for (unsigned i = 0; i < 10; i++)
		push_number(tx, i % 2 ? &b : &a, i);
	CHECK(next_number(ra) == -1); /* held */
	sendq_flush();
	CHECK(!sendq_holding());
	for (unsigned i = 0; i < 10; i += 2) {
		CHECK(next_number(ra) == (long)i);
		CHECK(next_number(rb) == (long)i + 1);
	}

	/* Past SENDQ_MAX: flushed on the way, still in order, still holding after. */
	sendq_hold();
	for (unsigned i = 0; i < 3 * SENDQ_MAX + 7; i++)
		push_number(tx, &a, i);
	CHECK(sendq_holding());
	sendq_flush();
	for (unsigned i = 0; i < 3 * SENDQ_MAX + 7; i++)
		CHECKF(next_number(ra) == (long)i, "datagram %u", i);

	/* A closed socket refuses its run; the next socket's datagrams still go. */
	int dead = bound(&from);
	close(dead);
	uint64_t before = sendq_refused();
	sendq_hold();
	for (unsigned i = 0; i < 3; i++)
		push_number(dead, &a, i);
	push_number(tx, &b, 42);
	sendq_flush();
	CHECK(sendq_refused() == before + 3);
	CHECK(next_number(rb) == 42);
	CHECK(next_number(ra) == -1);

	/* Too long for a datagram: refused at the push. */
	static uint8_t big[2000];
	sendq_hold();
	CHECK(!sendq_push(tx, (const struct sockaddr *)&a, sizeof a, big, sizeof big));
	sendq_flush();
	close(ra);
	close(rb);
	close(tx);
	return 0;
}
