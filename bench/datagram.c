/*
 * Prints what the datagram layer costs: sealing and opening full datagrams, a 1 MiB
 * message cut up and put together again, and a message's round trip over loopback UDP.
 */
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "net/clock.h"
#include "net/connection.h"
#include "net/udp.h"
#include "../tests/net_capture.h"

#define ROUNDS 2000

static double now_us(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e6 + ts.tv_nsec / 1e3;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

/* Feeds every captured datagram to rx; returns the messages completed. */
static unsigned open_all(net_conn *rx, const struct capture *cap)
{
	unsigned done = 0;
	for (unsigned i = 0; i < cap->n; i++) {
		const uint8_t *msg;
		size_t len;
		done += net_conn_receive(rx, cap->d[i], cap->len[i], NULL, 0, 1, &msg, &len) == 1;
	}
	return done;
}

static void seal_open(net_conn *tx, net_conn *rx, struct capture *cap, size_t msglen,
		      unsigned times, const char *what)
{
	uint8_t *msg = calloc(msglen, 1);
	double seal = 0, open = 0;
	unsigned dgrams = 0;
	for (unsigned t = 0; t < times; t++) {
		cap->n = 0;
		double t0 = now_us();
		if (net_conn_seal(tx, msg, msglen, 1, capture, cap) < 0)
			exit(1);
		double t1 = now_us();
		if (open_all(rx, cap) != 1)
			exit(1);
		seal += t1 - t0;
		open += now_us() - t1;
		dgrams += cap->n;
	}
	printf("%-28s %u datagrams: seal %.2f us, open %.2f us per datagram\n", what,
	       dgrams / times, seal / dgrams, open / dgrams);
	free(msg);
}

static bool wait_readable(int fd)
{
	struct pollfd p = { .fd = fd, .events = POLLIN };
	return poll(&p, 1, 1000) == 1;
}

/* Receives one datagram on fd into c; returns whether it completed a message. */
static bool receive(net_conn *c, int fd)
{
	uint8_t buf[NET_DGRAM_MAX];
	struct net_addr from;
	const uint8_t *msg;
	size_t len;
	if (!wait_readable(fd))
		return false;
	ssize_t n = net_udp_recv(fd, buf, sizeof buf, &from);
	return n > 0 && net_conn_receive(c, buf, (size_t)n, (struct sockaddr *)&from.ss,
					 from.len, net_clock_ms(), &msg, &len) == 1;
}

static void loopback(void)
{
	static double rtt[ROUNDS];
	uint64_t id;
	uint8_t key[NET_KEY_LEN];
	struct net_addr saddr, caddr;
	net_conn_keygen(&id, key);
	net_conn *cl = net_conn_new(id, key, false), *sv = net_conn_new(id, key, true);
	int sfd = net_udp_bind_range("127.0.0.1", NET_PORT_LOW, NET_PORT_HIGH, &saddr);
	if (sfd < 0 || net_addr_resolve("127.0.0.1", 0, &caddr) != 0)
		exit(1);
	int cfd = net_udp_bind((struct sockaddr *)&caddr.ss, caddr.len);
	net_conn_set_peer(cl, (struct sockaddr *)&saddr.ss, saddr.len);
	const uint8_t ping[16] = "ping";
	for (unsigned i = 0; i < ROUNDS; i++) {
		double t0 = now_us();
		if (net_conn_send(cl, cfd, ping, sizeof ping, net_clock_ms()) != 1 ||
		    !receive(sv, sfd) ||
		    net_conn_send(sv, sfd, ping, sizeof ping, net_clock_ms()) != 1 ||
		    !receive(cl, cfd))
			exit(1);
		rtt[i] = now_us() - t0;
	}
	qsort(rtt, ROUNDS, sizeof *rtt, cmp_double);
	printf("loopback UDP round trip      %u rounds: median %.1f us, 99th %.1f us; SRTT %u ms, RTO %u ms\n",
	       ROUNDS, rtt[ROUNDS / 2], rtt[ROUNDS * 99 / 100], net_conn_srtt_ms(cl),
	       net_conn_rto_ms(cl));
	close(sfd);
	close(cfd);
	net_conn_free(cl);
	net_conn_free(sv);
}

int main(void)
{
	static struct capture cap;
	uint64_t id;
	uint8_t key[NET_KEY_LEN];
	net_conn_keygen(&id, key);
	net_conn *tx = net_conn_new(id, key, false), *rx = net_conn_new(id, key, true);
	seal_open(tx, rx, &cap, NET_DGRAM_SEND_MAX - NET_OVERHEAD, 1000, "full datagram");
	seal_open(tx, rx, &cap, 16, 1000, "16-byte message");
	seal_open(tx, rx, &cap, NET_MSG_MAX, 5, "1 MiB message");
	net_conn_free(tx);
	net_conn_free(rx);
	loopback();
	return 0;
}
