/*
 * Transport over real UDP on loopback, through tests/udpproxy: a client sends input
 * events and a server a changing state, through a proxy that roams the client's source
 * address and port, and (second run) loses, duplicates and reorders. Every event must
 * arrive exactly once and in order, every server state the client shows must be one the
 * server had, and both sides must converge once the changes stop, within a bounded real
 * time (generous: it only catches a stall).
 */
#include "net/transport.h"

#include <errno.h>
#include <libgen.h>
#include <limits.h>
#include <poll.h>
#include <unistd.h>
#include <netinet/in.h>
#include <arpa/inet.h>
#include <string.h>

#include "check.h"
#include "net/clock.h"
#include "net/inputlog.h"
#include "net/udp.h"
#include "sync_regs.h"
#include "udpproxy_run.h"
#include "util/xmalloc.h"

#define RUN_MS 2500
#define CONVERGE_MS 15000

static char proxy_path[PATH_MAX];

/* Event i of the client's input: its bytes follow from i alone. */
static size_t event_bytes(uint64_t i, uint8_t *buf)
{
	uint64_t x = i * 0x9e3779b97f4a7c15ull + 1;
	size_t len = i % 50 == 7 ? 1000 + i % 3000 : 1 + i % 5;
	for (size_t j = 0; j < len; j++) {
		x ^= x << 13, x ^= x >> 7, x ^= x << 17;
		buf[j] = (uint8_t)x;
	}
	return len;
}

struct world {
	transport *client, *server;
	int cfd, sfd;
	uint64_t id;
	inputlog *log;
	uint64_t typed, cursor;
	struct regs *screen;
	uint32_t (*hist)[NREGS];
	uint32_t shown; /* serial of the server state the client shows */
	uint64_t rng;
};

static uint32_t rnd(struct world *w)
{
	w->rng = w->rng * 6364136223846793005ull + 1442695040888963407ull;
	return (uint32_t)(w->rng >> 33);
}

static void client_snapshot(struct world *w)
{
	inputlog_state *s = inputlog_snapshot(w->log, INPUTLOG_WINDOW);
	transport_set_local(w->client, s);
	inputlog_state_unref(s);
}

static void type_some(struct world *w)
{
	uint8_t buf[INPUTLOG_EVENT_MAX];
	for (unsigned k = rnd(w) % 3 + 1; k > 0; k--) {
		size_t len = event_bytes(w->typed, buf);
		if (inputlog_append(w->log, buf, len) != INPUTLOG_OK)
			break;
		w->typed++;
	}
	client_snapshot(w);
}

static void server_change(struct world *w)
{
	CHECK(w->screen->serial + 1 < MAX_SERIAL);
	struct regs *r = regs_next(w->screen, rnd(w));
	memcpy(w->hist[r->serial], r->v, sizeof r->v);
	regs_unref(w->screen);
	w->screen = r;
	transport_set_local(w->server, r);
}

static void client_receive(struct world *w, const uint8_t *d, size_t n,
			   const struct net_addr *from, uint64_t now)
{
	if (transport_receive(w->client, d, n, (const struct sockaddr *)&from->ss, from->len,
			      now)) {
		const struct regs *r = transport_remote(w->client, NULL);
		CHECK(r->serial > w->shown && r->serial <= w->screen->serial);
		CHECK(memcmp(r->v, w->hist[r->serial], sizeof r->v) == 0);
		w->shown = r->serial;
	}
	/* What the server acknowledged leaves the log, and makes room in the window. */
	const inputlog_state *acked =
		sync_sender_acked(sync_link_sender(transport_link(w->client)), NULL);
	inputlog_acked(w->log, inputlog_state_end(acked));
	client_snapshot(w);
}

static void server_receive(struct world *w, const uint8_t *d, size_t n,
			   const struct net_addr *from, uint64_t now)
{
	bool ok;
	if (net_packet_peek_id(d, n, &ok) != w->id || !ok)
		return;
	if (!transport_receive(w->server, d, n, (const struct sockaddr *)&from->ss, from->len,
			       now))
		return;
	const inputlog_state *s = transport_remote(w->server, NULL);
	const uint8_t *ev;
	size_t len;
	uint8_t want[INPUTLOG_EVENT_MAX];
	while (inputlog_state_next(s, &w->cursor, &ev, &len)) {
		uint64_t i = w->cursor - 1;
		CHECKF(i < w->typed, "event %llu arrived before it was typed",
		       (unsigned long long)i);
		size_t wlen = event_bytes(i, want);
		CHECKF(len == wlen && memcmp(ev, want, len) == 0, "event %llu differs",
		       (unsigned long long)i);
	}
}

static void drain(struct world *w, int fd, bool to_client, uint64_t now)
{
	static uint8_t buf[NET_DGRAM_MAX + 1];
	struct net_addr from;
	ssize_t n;
	while ((n = net_udp_recv(fd, buf, sizeof buf, &from)) >= 0) {
		if ((size_t)n > NET_DGRAM_MAX)
			continue;
		if (to_client)
			client_receive(w, buf, (size_t)n, &from, now);
		else
			server_receive(w, buf, (size_t)n, &from, now);
	}
	CHECK(errno == EAGAIN || errno == EWOULDBLOCK);
}

static bool converged(const struct world *w)
{
	return w->cursor == w->typed && regs_equal(transport_remote(w->client, NULL), w->screen) &&
	       transport_settled(w->client) && transport_settled(w->server);
}

static void run(const char *name, char *const *flags, uint64_t seed)
{
	struct world w = { .rng = seed };
	uint8_t key[NET_KEY_LEN];
	net_conn_keygen(&w.id, key);
	struct regs *zero = regs_new();
	inputlog_state *empty = inputlog_state_empty();
	w.client = transport_new(w.id, key, false, &inputlog_ops, empty, &regs_ops, zero);
	w.server = transport_new(w.id, key, true, &regs_ops, zero, &inputlog_ops, empty);
	w.screen = zero;
	w.hist = xcalloc(MAX_SERIAL, sizeof *w.hist);
	w.log = inputlog_new();
	inputlog_state_unref(empty);

	struct net_addr any, saddr = { .len = sizeof saddr.ss };
	CHECK(net_addr_resolve("127.0.0.1", 0, &any) == 0);
	w.sfd = net_udp_bind((struct sockaddr *)&any.ss, any.len);
	w.cfd = net_udp_bind((struct sockaddr *)&any.ss, any.len);
	CHECK(w.sfd >= 0 && w.cfd >= 0);
	CHECK(getsockname(w.sfd, (struct sockaddr *)&saddr.ss, &saddr.len) == 0);
	struct udpproxy p;
	CHECKF(udpproxy_start(&p, proxy_path, &saddr, flags), "cannot run %s", proxy_path);
	net_conn_set_peer(transport_conn(w.client), (struct sockaddr *)&p.addr.ss, p.addr.len);

	uint64_t start = net_clock_ms(), now = start, next_change = start, done_at = 0;
	while (!(now > start + RUN_MS && converged(&w))) {
		CHECKF(now < start + RUN_MS + CONVERGE_MS,
		       "%s (seed %llu): no convergence: %llu of %llu events, serial %u of %u",
		       name, (unsigned long long)seed, (unsigned long long)w.cursor,
		       (unsigned long long)w.typed, w.shown, w.screen->serial);
		if (now < start + RUN_MS && now >= next_change) {
			type_some(&w);
			server_change(&w);
			next_change = now + rnd(&w) % 8;
		}
		transport_tick(w.client, w.cfd, now);
		transport_tick(w.server, w.sfd, now);
		int timeout = transport_timeout_ms(w.client, now);
		int ts = transport_timeout_ms(w.server, now);
		timeout = ts < timeout ? ts : timeout;
		if (now < start + RUN_MS && (int)(next_change - now) < timeout)
			timeout = (int)(next_change - now);
		timeout = timeout > 100 ? 100 : timeout;
		struct pollfd pfd[2] = { { .fd = w.cfd, .events = POLLIN },
					 { .fd = w.sfd, .events = POLLIN } };
		CHECK(poll(pfd, 2, timeout) >= 0 || errno == EINTR);
		now = net_clock_ms();
		drain(&w, w.cfd, true, now);
		drain(&w, w.sfd, false, now);
		if (done_at == 0 && now > start + RUN_MS)
			done_at = now;
	}
	const struct net_conn_stats *ss = net_conn_stats(transport_conn(w.server));
	const struct transport_stats *ct = transport_stats(w.client), *st = transport_stats(w.server);
	fprintf(stderr, "%s: %llu events, %u states; converged %llu ms after the changes "
		"stopped; server followed %llu roams; frames client %llu/%llu server %llu/%llu "
		"(sent/received), no-base %llu/%llu\n",
		name, (unsigned long long)w.typed, w.screen->serial,
		(unsigned long long)(now - done_at), (unsigned long long)ss->roams,
		(unsigned long long)ct->frames_sent, (unsigned long long)ct->frames_received,
		(unsigned long long)st->frames_sent, (unsigned long long)st->frames_received,
		(unsigned long long)ct->no_base, (unsigned long long)st->no_base);
	CHECK(ss->roams > 0);
	CHECK(ct->bad_diff == 0 && st->bad_diff == 0);
	CHECK(ct->frames_malformed == 0 && st->frames_malformed == 0);
	CHECK(udpproxy_stop(&p, stderr));
	close(w.cfd);
	close(w.sfd);
	transport_free(w.client);
	transport_free(w.server);
	inputlog_free(w.log);
	regs_unref(w.screen);
	free(w.hist);
}

/* The datagrams a tick emits, kept to hand to the other end. */
struct caught {
	uint8_t d[8][NET_DGRAM_MAX];
	size_t len[8], n;
};

static int catch_dgram(void *arg, const uint8_t *dgram, size_t len)
{
	struct caught *c = arg;
	CHECK(c->n < 8 && len <= NET_DGRAM_MAX);
	memcpy(c->d[c->n], dgram, len);
	c->len[c->n++] = len;
	return 0;
}

/* Ticks from at now and hands what it emits to to, as coming from addr. */
static void carry(transport *from, transport *to, const struct sockaddr_in *addr, uint64_t now)
{
	struct caught c = {.n = 0};
	transport_tick_emit(from, catch_dgram, NULL, &c, now);
	for (size_t i = 0; i < c.n; i++)
		transport_receive(to, c.d[i], c.len[i], (const struct sockaddr *)addr, sizeof *addr,
				  now);
}

/*
 * A client that speaks from a new address is answered there at once, not after the
 * acknowledgement delay: the ssh path's UDP probe gets its answer before the frames
 * still coming by the relay (older address) take the server back.
 */
static void test_roam_answered(void)
{
	uint8_t key[NET_KEY_LEN] = {7};
	inputlog *log = inputlog_new();
	inputlog_state *empty = inputlog_state_empty();
	struct regs *zero = regs_new();
	transport *cl = transport_new(42, key, false, &inputlog_ops, empty, &regs_ops, zero);
	transport *sv = transport_new(42, key, true, &regs_ops, zero, &inputlog_ops, empty);
	struct sockaddr_in a = {.sin_family = AF_INET, .sin_port = htons(1000),
				.sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
	struct sockaddr_in b = a;
	b.sin_port = htons(2000);
	net_conn_set_peer(transport_conn(cl), (struct sockaddr *)&a, sizeof a);
	uint64_t now = 1000;
	carry(cl, sv, &a, now);
	carry(sv, cl, &a, now);
	/* Settle: nothing owed either way. */
	for (int i = 0; i < 10; i++, now += 200) {
		carry(cl, sv, &a, now);
		carry(sv, cl, &a, now);
	}
	CHECK(transport_next_wakeup(sv) > now);
	/* A keystroke from address a: its acknowledgement may wait. */
	CHECK(inputlog_append(log, "x", 1) == INPUTLOG_OK);
	inputlog_state *st = inputlog_snapshot(log, INPUTLOG_WINDOW);
	transport_set_local(cl, st);
	inputlog_state_unref(st);
	carry(cl, sv, &a, now);
	CHECK(transport_next_wakeup(sv) > now);
	carry(sv, cl, &a, now + SYNC_ACK_DELAY_MS);
	now += SYNC_ACK_DELAY_MS + 1;
	/* The next from b: the server follows and answers at once, to b. */
	CHECK(inputlog_append(log, "y", 1) == INPUTLOG_OK);
	st = inputlog_snapshot(log, INPUTLOG_WINDOW);
	transport_set_local(cl, st);
	inputlog_state_unref(st);
	carry(cl, sv, &b, now);
	CHECK(net_conn_stats(transport_conn(sv))->roams == 1);
	CHECK(transport_next_wakeup(sv) <= now);
	socklen_t len;
	const struct sockaddr_in *peer = (const void *)net_conn_peer(transport_conn(sv), &len);
	CHECK(peer != NULL && peer->sin_port == b.sin_port);
	transport_free(cl);
	transport_free(sv);
	inputlog_state_unref(empty);
	inputlog_free(log);
	regs_unref(zero);
}

int main(int argc, char **argv)
{
	test_roam_answered();
	char self[PATH_MAX];
	snprintf(self, sizeof self, "%s", argv[0]);
	snprintf(proxy_path, sizeof proxy_path, "%s/udpproxy", dirname(self));
	if (access(proxy_path, X_OK) != 0) {
		fprintf(stderr, "%s not built\n", proxy_path);
		return 77;
	}
	unsigned long seed = test_seed();
	char s[32];
	snprintf(s, sizeof s, "%lu", seed);
	run("roaming", (char *[]){ "-s", s, "-r", "200", NULL }, seed);
	run("lossy roaming", (char *[]){ "-s", s, "-r", "300",
		"-u", (char[]){ "loss=20,dup=5,reorder=5,delay=10,jitter=5" },
		"-d", (char[]){ "loss=20,dup=5,reorder=5,delay=10,jitter=5" }, NULL }, seed);
	return 0;
}
