/*
 * Real datagrams on loopback: one server socket serving several connections by id,
 * roaming to new source ports and addresses, hostile packets answered by silence, and a
 * client hopping to a new port. Built twice: for 127.0.0.1 and (TEST_IPV6) for ::1.
 */
#include <errno.h>
#include <poll.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "check.h"
#include "net/connection.h"
#include "net/hop.h"
#include "net/packet.h"
#include "net/udp.h"

#ifdef TEST_IPV6
#define LOOPBACK "::1"
#define FAMILY AF_INET6
#else
#define LOOPBACK "127.0.0.1"
#define FAMILY AF_INET
#endif

#define WAIT_MS 2000 /* how long a datagram on loopback may take before we call it lost */
#define SILENCE_MS 200 /* how long to listen for a reply that must not come */

static struct {
	int fd;
	struct net_addr addr;
	net_conn *conn[3];
	unsigned nconn;
	uint64_t unknown; /* datagrams for no connection */
	uint8_t last[NET_DGRAM_MAX]; /* the last datagram, as an eavesdropper keeps it */
	size_t last_len;
} server;

static uint64_t now = 1000;

static bool readable(int fd, int ms)
{
	struct pollfd p = { .fd = fd, .events = POLLIN };
	return poll(&p, 1, ms) == 1;
}

/* Waits for one datagram on the server socket and answers its message, if any, with
 * "echo:" and the message. Returns whether it answered. */
static bool serve_one(void)
{
	uint8_t buf[NET_DGRAM_MAX];
	struct net_addr from;
	CHECK(readable(server.fd, WAIT_MS));
	ssize_t n = net_udp_recv(server.fd, buf, sizeof buf, &from);
	CHECK(n >= 0);
	size_t len = (size_t)n;
	if (len <= sizeof buf) {
		memcpy(server.last, buf, len);
		server.last_len = len;
	}
	bool ok;
	uint64_t id = net_packet_peek_id(buf, len, &ok);
	net_conn *c = NULL;
	for (unsigned i = 0; ok && i < server.nconn; i++) {
		if (net_conn_id(server.conn[i]) == id)
			c = server.conn[i];
	}
	if (c == NULL) {
		server.unknown++;
		return false;
	}
	const uint8_t *msg;
	size_t mlen;
	if (net_conn_receive(c, buf, len, (struct sockaddr *)&from.ss, from.len, now, &msg,
			     &mlen) != 1)
		return false;
	char reply[64];
	int rlen = snprintf(reply, sizeof reply, "echo:%.*s", (int)mlen, (const char *)msg);
	CHECK(net_conn_send(c, server.fd, (const uint8_t *)reply, (size_t)rlen, now) == 1);
	return true;
}

/* A client end and its server-side twin, registered with the server. */
static net_conn *new_client(void)
{
	uint64_t id;
	uint8_t key[NET_KEY_LEN];
	net_conn_keygen(&id, key);
	net_conn *c = net_conn_new(id, key, false);
	net_conn_set_peer(c, (struct sockaddr *)&server.addr.ss, server.addr.len);
	server.conn[server.nconn++] = net_conn_new(id, key, true);
	return c;
}

static int bind_loopback(const char *host)
{
	struct net_addr a;
	CHECK(net_addr_resolve(host, 0, &a) == 0);
	int fd = net_udp_bind((struct sockaddr *)&a.ss, a.len);
	CHECK(fd >= 0);
	return fd;
}

static void send_msg(net_conn *c, int fd, const char *text)
{
	now += 5;
	CHECK(net_conn_send(c, fd, (const uint8_t *)text, strlen(text), now) == 1);
}

/* Receives the server's answer on fd and checks it. */
static void expect_reply(net_conn *c, int fd, const char *text)
{
	uint8_t buf[NET_DGRAM_MAX];
	struct net_addr from;
	const uint8_t *msg;
	size_t mlen;
	CHECKF(readable(fd, WAIT_MS), "no reply %s", text);
	ssize_t n = net_udp_recv(fd, buf, sizeof buf, &from);
	CHECK(n > 0);
	now += 5;
	CHECK(net_conn_receive(c, buf, (size_t)n, (struct sockaddr *)&from.ss, from.len, now,
			       &msg, &mlen) == 1);
	CHECKF(mlen == strlen(text) && memcmp(msg, text, mlen) == 0, "wanted %s", text);
}

static void exchange(net_conn *c, int fd, const char *text)
{
	char want[64];
	send_msg(c, fd, text);
	CHECK(serve_one());
	snprintf(want, sizeof want, "echo:%s", text);
	expect_reply(c, fd, want);
}

/* Sends raw bytes from fd to the server, which must stay silent. */
static void attack(int fd, const uint8_t *d, size_t len)
{
	CHECK(sendto(fd, d, len, 0, (struct sockaddr *)&server.addr.ss, server.addr.len) ==
	      (ssize_t)len);
	CHECK(!serve_one());
}

static void test_demux_roaming_hostile(void)
{
	net_conn *a = new_client(), *b = new_client();
	int a1 = bind_loopback(LOOPBACK), a2 = bind_loopback(LOOPBACK);
	int b1 = bind_loopback(LOOPBACK), evil = bind_loopback(LOOPBACK);

	/* Two connections through one server socket, each answered on its own socket. */
	exchange(a, a1, "a1");
	uint8_t old[NET_DGRAM_MAX];
	size_t old_len = server.last_len;
	memcpy(old, server.last, old_len);
	exchange(b, b1, "b1");
	CHECK(!readable(a1, 0) && !readable(b1, 0));

	/* A moves to a new port, then (IPv4) a new address: the answers follow. */
	exchange(a, a2, "a2");
	int last = a2;
#ifndef TEST_IPV6
	int a3 = bind_loopback("127.0.0.2");
	exchange(a, a3, "a3");
	last = a3;
#endif
	const struct net_conn_stats *st = net_conn_stats(server.conn[0]);
	uint64_t roams = st->roams;
	CHECK(roams >= 1);

	/* Hostile datagrams: none is answered, none moves A's stream. */
	uint8_t junk[NET_DGRAM_MAX + 100];
	memset(junk, 0x5a, sizeof junk);
	attack(evil, junk, 10);                    /* truncated */
	attack(evil, junk, sizeof junk);           /* oversized */
	attack(evil, junk, 200);                   /* unknown id */
	attack(a1, old, old_len);                  /* replayed from the old address */
	attack(evil, old, old_len);                /* replayed from elsewhere */
	memcpy(junk, old, old_len);
	net_put_u64(junk + 8, 1000);               /* an unseen sequence number: bad tag */
	attack(evil, junk, old_len);
	net_put_u64(junk + 8, NET_SEQ_SERVER | 1000); /* reflected direction */
	attack(evil, junk, old_len);
	CHECK(!readable(evil, SILENCE_MS) && !readable(a1, 0));
	CHECK(server.unknown == 3 && st->roams == roams);
	CHECK(st->drop_seen == 2 && st->drop_auth == 1 && st->drop_direction == 1);
	exchange(a, last, "a4"); /* still answered where A really is */
	CHECK(st->roams == roams);
	CHECK(net_conn_stats(server.conn[1])->recv_datagrams == 1);

	close(a1);
	close(a2);
	close(b1);
	close(evil);
#ifndef TEST_IPV6
	close(a3);
#endif
	net_conn_free(a);
	net_conn_free(b);
}

static void test_hop(void)
{
	net_conn *c = new_client();
	struct net_hop h;
	CHECK(net_hop_init(&h, FAMILY, now) == 0);
	exchange(c, h.fd[0], "c1");
	uint64_t rt = net_conn_last_roundtrip_ms(c);
	CHECK(rt != 0 && net_hop_tick(&h, now, rt) == 0);

	/* A reply is on its way when the client hops: the old socket still hears it. */
	send_msg(c, h.fd[0], "c2");
	CHECK(serve_one());
	now = rt + NET_HOP_SILENCE_MS + 1;
	CHECK(net_hop_tick(&h, now, rt) == 1 && h.n == 2);
	expect_reply(c, h.fd[1], "echo:c2");
	exchange(c, h.fd[0], "c3"); /* the server follows the new port */
	CHECK(!readable(h.fd[1], 0));
	/* Round trips keep it from hopping; old sockets close in time. */
	rt = net_conn_last_roundtrip_ms(c);
	CHECK(net_hop_tick(&h, now + NET_HOP_SILENCE_MS, rt) == 0 && h.n == 2);
	now += NET_HOP_KEEP_MS + 1;
	CHECK(net_hop_tick(&h, now, now) == 0 && h.n == 1);
	exchange(c, h.fd[0], "c4");
	net_hop_close(&h);
	net_conn_free(c);
}

/* A port nothing listens on any more answers "unreachable": a socket that asked for
 * errors learns which destination refused (the server drops a killed client by it). */
static void test_refused(void)
{
	struct net_addr gone;
	int g = bind_loopback(LOOPBACK);
	gone.len = sizeof gone.ss;
	CHECK(getsockname(g, (struct sockaddr *)&gone.ss, &gone.len) == 0);
	close(g);
	int fd = bind_loopback(LOOPBACK);
	CHECK(net_udp_want_errors(fd) == 0);
	struct net_addr to;
	CHECK(!net_udp_refused(fd, &to));
	CHECK(sendto(fd, "x", 1, 0, (struct sockaddr *)&gone.ss, gone.len) == 1);
	struct pollfd p = {fd, POLLIN, 0};
	CHECK(poll(&p, 1, 5000) == 1 && (p.revents & POLLERR));
	CHECK(net_udp_refused(fd, &to));
	CHECK(net_addr_equal((struct sockaddr *)&to.ss, to.len, (struct sockaddr *)&gone.ss,
			     gone.len));
	CHECK(!net_udp_refused(fd, &to));
	/* Taking the queue cleared the error: the socket works as before. */
	uint8_t buf[8];
	struct net_addr from;
	CHECK(net_udp_recv(fd, buf, sizeof buf, &from) < 0 && errno == EAGAIN);
	close(fd);
}

int main(void)
{
	server.fd = net_udp_bind_range(LOOPBACK, NET_PORT_LOW, NET_PORT_HIGH, &server.addr);
#ifdef TEST_IPV6
	if (server.fd < 0 && errno != EADDRINUSE) {
		printf("skip: no IPv6 loopback (%s)\n", strerror(errno));
		return 77;
	}
#endif
	CHECKF(server.fd >= 0, "%s", strerror(errno));
	char s[NET_ADDR_STRLEN];
	printf("server on %s\n", net_addr_str((struct sockaddr *)&server.addr.ss, server.addr.len, s));
	test_demux_roaming_hostile();
	test_hop();
	test_refused();
	for (unsigned i = 0; i < server.nconn; i++)
		net_conn_free(server.conn[i]);
	close(server.fd);
	return 0;
}
