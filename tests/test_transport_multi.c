/*
 * One server socket, several clients: the server keeps a transport per client and finds
 * it by the connection id of each datagram. Every client's events reach its own transport
 * exactly once and in order, every client converges to the state the server keeps for it,
 * and datagrams for an unknown id or sealed with another client's key change nothing.
 */
#include "net/transport.h"

#include <errno.h>
#include <poll.h>
#include <unistd.h>

#include "check.h"
#include "net/clock.h"
#include "net/inputlog.h"
#include "net/udp.h"
#include "sync_regs.h"

#define NCLIENTS 3
#define EVENTS 300
#define RUN_LIMIT_MS 20000

struct client {
	transport *t;   /* the client's end */
	transport *srv; /* the server's end for this client */
	int fd;
	uint64_t id;
	inputlog *log;
	uint64_t typed, cursor;
	struct regs *view; /* what the server shows this client */
};

static struct client cl[NCLIENTS];
static int sfd;

static transport *server_lookup(const uint8_t *d, size_t n)
{
	bool ok;
	uint64_t id = net_packet_peek_id(d, n, &ok);
	for (int i = 0; ok && i < NCLIENTS; i++)
		if (cl[i].id == id)
			return cl[i].srv;
	return NULL;
}

static void type_one(struct client *c)
{
	char ev[32];
	int len = snprintf(ev, sizeof ev, "%llu:%llu", (unsigned long long)c->id,
			   (unsigned long long)c->typed);
	if (inputlog_append(c->log, ev, (size_t)len) == INPUTLOG_OK)
		c->typed++;
	inputlog_state *s = inputlog_snapshot(c->log, INPUTLOG_WINDOW);
	transport_set_local(c->t, s);
	inputlog_state_unref(s);
}

/* The server answers every event with a new view for that client alone. */
static void server_took(struct client *c)
{
	const inputlog_state *s = transport_remote(c->srv, NULL);
	const uint8_t *ev;
	size_t len;
	while (inputlog_state_next(s, &c->cursor, &ev, &len)) {
		char want[32];
		int wlen = snprintf(want, sizeof want, "%llu:%llu", (unsigned long long)c->id,
				    (unsigned long long)(c->cursor - 1));
		CHECKF(len == (size_t)wlen && memcmp(ev, want, len) == 0,
		       "client %llu event %llu wrong", (unsigned long long)c->id,
		       (unsigned long long)(c->cursor - 1));
		struct regs *r = regs_next(c->view, (uint32_t)c->cursor);
		regs_unref(c->view);
		c->view = r;
		transport_set_local(c->srv, r);
	}
}

static void drain_server(uint64_t now)
{
	static uint8_t buf[NET_DGRAM_MAX + 1];
	struct net_addr from;
	ssize_t n;
	while ((n = net_udp_recv(sfd, buf, sizeof buf, &from)) >= 0) {
		transport *t = (size_t)n <= NET_DGRAM_MAX ? server_lookup(buf, (size_t)n) : NULL;
		if (t == NULL)
			continue;
		if (transport_receive(t, buf, (size_t)n, (struct sockaddr *)&from.ss, from.len, now))
			for (int i = 0; i < NCLIENTS; i++)
				if (cl[i].srv == t)
					server_took(&cl[i]);
	}
	CHECK(errno == EAGAIN || errno == EWOULDBLOCK);
}

static void drain_client(struct client *c, uint64_t now)
{
	static uint8_t buf[NET_DGRAM_MAX + 1];
	struct net_addr from;
	ssize_t n;
	while ((n = net_udp_recv(c->fd, buf, sizeof buf, &from)) >= 0)
		if ((size_t)n <= NET_DGRAM_MAX)
			transport_receive(c->t, buf, (size_t)n, (struct sockaddr *)&from.ss,
					  from.len, now);
	const inputlog_state *acked = sync_sender_acked(sync_link_sender(transport_link(c->t)),
							NULL);
	inputlog_acked(c->log, inputlog_state_end(acked));
}

static bool all_done(void)
{
	for (int i = 0; i < NCLIENTS; i++)
		if (cl[i].cursor != EVENTS || !transport_settled(cl[i].t) ||
		    !transport_settled(cl[i].srv) ||
		    !regs_equal(transport_remote(cl[i].t, NULL), cl[i].view))
			return false;
	return true;
}

/* A stranger's datagrams: an unknown id, and a known id sealed with the wrong key. */
static void send_strangers(const struct net_addr *server, uint64_t now)
{
	uint64_t id;
	uint8_t key[NET_KEY_LEN];
	net_conn_keygen(&id, key);
	inputlog_state *empty = inputlog_state_empty();
	transport *unknown = transport_new(id, key, false, &inputlog_ops, empty, &regs_ops,
					   cl[0].view);
	transport *forger = transport_new(cl[1].id, key, false, &inputlog_ops, empty, &regs_ops,
					  cl[0].view);
	inputlog_state_unref(empty);
	for (transport **t = (transport *[]){ unknown, forger, NULL }; *t; t++) {
		net_conn_set_peer(transport_conn(*t), (struct sockaddr *)&server->ss, server->len);
		CHECK(transport_tick(*t, cl[0].fd, now) == 1);
		transport_free(*t);
	}
}

int main(void)
{
	struct net_addr any, saddr = { .len = sizeof saddr.ss };
	CHECK(net_addr_resolve("127.0.0.1", 0, &any) == 0);
	sfd = net_udp_bind((struct sockaddr *)&any.ss, any.len);
	CHECK(sfd >= 0 && getsockname(sfd, (struct sockaddr *)&saddr.ss, &saddr.len) == 0);
	struct regs *zero = regs_new();
	inputlog_state *empty = inputlog_state_empty();
	for (int i = 0; i < NCLIENTS; i++) {
		uint8_t key[NET_KEY_LEN];
		struct client *c = &cl[i];
		net_conn_keygen(&c->id, key);
		c->t = transport_new(c->id, key, false, &inputlog_ops, empty, &regs_ops, zero);
		c->srv = transport_new(c->id, key, true, &regs_ops, zero, &inputlog_ops, empty);
		c->fd = net_udp_bind((struct sockaddr *)&any.ss, any.len);
		CHECK(c->fd >= 0);
		net_conn_set_peer(transport_conn(c->t), (struct sockaddr *)&saddr.ss, saddr.len);
		c->log = inputlog_new();
		c->view = regs_ref(zero);
	}
	uint64_t start = net_clock_ms(), now = start;
	send_strangers(&saddr, now);
	while (!all_done()) {
		CHECKF(now - start < RUN_LIMIT_MS, "no convergence");
		int timeout = 10;
		for (int i = 0; i < NCLIENTS; i++) {
			if (cl[i].typed < EVENTS)
				type_one(&cl[i]);
			transport_tick(cl[i].t, cl[i].fd, now);
			transport_tick(cl[i].srv, sfd, now);
			int a = transport_timeout_ms(cl[i].t, now), b = transport_timeout_ms(cl[i].srv, now);
			timeout = a < timeout ? a : timeout;
			timeout = b < timeout ? b : timeout;
		}
		struct pollfd pfd[1 + NCLIENTS] = { { .fd = sfd, .events = POLLIN } };
		for (int i = 0; i < NCLIENTS; i++)
			pfd[1 + i] = (struct pollfd){ .fd = cl[i].fd, .events = POLLIN };
		CHECK(poll(pfd, 1 + NCLIENTS, timeout) >= 0);
		now = net_clock_ms();
		drain_server(now);
		for (int i = 0; i < NCLIENTS; i++)
			drain_client(&cl[i], now);
	}
	for (int i = 0; i < NCLIENTS; i++) {
		const struct net_conn_stats *st = net_conn_stats(transport_conn(cl[i].srv));
		/* The forged datagram for client 1 failed authentication and changed nothing. */
		CHECK(i != 1 || st->drop_auth == 1);
		CHECK(transport_stats(cl[i].srv)->frames_malformed == 0);
		transport_free(cl[i].t);
		transport_free(cl[i].srv);
		inputlog_free(cl[i].log);
		regs_unref(cl[i].view);
		close(cl[i].fd);
	}
	regs_unref(zero);
	inputlog_state_unref(empty);
	close(sfd);
	return 0;
}
