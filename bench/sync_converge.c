/*
 * sync_converge: what a burst of changes costs to sync, and how long until the receiver
 * shows the last one, at a 100 ms round trip with 0 % and 20 % loss.
 *
 * The link is tests/sync_sim.c's simulation (simulated clock, frames cut into datagrams as
 * the datagram layer cuts them, loss per datagram), so figures are exact for a seed and
 * take no real time. Then over real UDP on loopback through transport.h: a keystroke's
 * way to the server with no impairment (the pacing must add no delay on a fast link), and
 * the bursts again through tests/udpproxy (about two minutes in all).
 *
 *   sync_converge [RUNS]   (default 50 seeds per line)
 */
#include <libgen.h>
#include <limits.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "../tests/sync_regs.h"
#include "../tests/sync_sim.h"
#include "../tests/udpproxy_run.h"
#include "net/clock.h"
#include "net/inputlog.h"
#include "net/transport.h"
#include "net/udp.h"
#include "util/xmalloc.h"

struct figures {
	double ms, frames, dgrams, bytes; /* sums over runs */
	uint64_t worst_ms;
};

/* What a simulated link carried both ways so far. */
struct traffic {
	uint64_t frames, dgrams, bytes;
};

static struct traffic sim_traffic(const struct sim *s)
{
	return (struct traffic){ s->frames[0] + s->frames[1], s->dgrams[0] + s->dgrams[1],
				 s->bytes[0] + s->bytes[1] };
}

/* Adds a run that took ms and the traffic the link carried since before. */
static void add_run(struct figures *f, uint64_t ms, const struct sim *s, struct traffic before)
{
	struct traffic now = sim_traffic(s);
	f->ms += (double)ms;
	f->worst_ms = ms > f->worst_ms ? ms : f->worst_ms;
	f->frames += (double)(now.frames - before.frames);
	f->dgrams += (double)(now.dgrams - before.dgrams);
	f->bytes += (double)(now.bytes - before.bytes);
}

/* A screen-like burst: the server's state changes every ms for burst_ms. */
struct regs_world {
	sync_link *client, *server;
	struct regs *cur;
};

static bool regs_shown(void *arg)
{
	struct regs_world *w = arg;
	return regs_equal(sync_link_remote(w->client, NULL), w->cur);
}

static void run_regs(unsigned loss, uint64_t seed, unsigned burst_ms, struct figures *f)
{
	struct regs_world w;
	struct sim s;
	w.cur = regs_new();
	w.client = sync_link_new(&regs_ops, w.cur, &regs_ops, w.cur);
	w.server = sync_link_new(&regs_ops, w.cur, &regs_ops, w.cur);
	sim_init(&s, seed, w.server, w.client);
	for (int i = 0; i < 2; i++)
		s.imp[i] = (struct sim_impair){ .loss = loss, .delay_ms = 50 };
	/* Warm up: a few seconds of idle link teach both ends the round trip. */
	sim_run(&s, 5000);
	struct traffic before = sim_traffic(&s);
	for (unsigned t = 0; t < burst_ms; t++) {
		struct regs *r = regs_next(w.cur, sim_rand(&s));
		regs_unref(w.cur);
		w.cur = r;
		sync_link_set_local(w.server, r);
		sim_run(&s, s.now + 1);
	}
	uint64_t last = s.now;
	if (!sim_run_until(&s, last + 60000, regs_shown, &w)) {
		fprintf(stderr, "seed %llu: no convergence\n", (unsigned long long)seed);
		exit(1);
	}
	uint64_t ms = s.now - last;
	add_run(f, ms, &s, before);
	sim_free(&s);
	sync_link_free(w.client);
	sync_link_free(w.server);
	regs_unref(w.cur);
}

/* A paste: events of 1 KB typed into the client's log at once, up to bytes, synced
 * through a window of window bytes. */
struct paste_world {
	sync_link *client, *server;
	inputlog *log;
	size_t window;
	uint64_t want, got;
};

static void paste_receive(void *arg, int end, enum sync_result res)
{
	struct paste_world *w = arg;
	if (end == 0) {
		const inputlog_state *acked = sync_sender_acked(sync_link_sender(w->client), NULL);
		inputlog_acked(w->log, inputlog_state_end(acked));
		inputlog_state *s = inputlog_snapshot(w->log, w->window);
		sync_link_set_local(w->client, s);
		inputlog_state_unref(s);
	} else if (res == SYNC_NEW) {
		w->got = inputlog_state_end(sync_link_remote(w->server, NULL));
	}
}

static bool paste_done(void *arg)
{
	struct paste_world *w = arg;
	return w->got == w->want;
}

static void run_paste(unsigned loss, uint64_t seed, size_t bytes, size_t window,
		      struct figures *f)
{
	static uint8_t kb[1024];
	struct paste_world w = { .window = window };
	struct sim s;
	inputlog_state *empty = inputlog_state_empty();
	w.client = sync_link_new(&inputlog_ops, empty, &inputlog_ops, empty);
	w.server = sync_link_new(&inputlog_ops, empty, &inputlog_ops, empty);
	inputlog_state_unref(empty);
	w.log = inputlog_new();
	sim_init(&s, seed, w.client, w.server);
	s.on_receive = paste_receive;
	s.arg = &w;
	for (int i = 0; i < 2; i++)
		s.imp[i] = (struct sim_impair){ .loss = loss, .delay_ms = 50 };
	sim_run(&s, 5000);
	struct traffic before = sim_traffic(&s);
	uint64_t start = s.now;
	/* The client appends as fast as the log takes it (back-pressure), as a paste would. */
	size_t left = bytes;
	while (left > 0 || !paste_done(&w)) {
		while (left > 0 && inputlog_append(w.log, kb, sizeof kb) == INPUTLOG_OK) {
			left -= sizeof kb;
			w.want++;
		}
		inputlog_state *st = inputlog_snapshot(w.log, w.window);
		sync_link_set_local(w.client, st);
		inputlog_state_unref(st);
		sim_run_until(&s, s.now + 10, paste_done, &w);
		if (s.now - start > 600000) {
			fprintf(stderr, "seed %llu: paste stuck\n", (unsigned long long)seed);
			exit(1);
		}
	}
	uint64_t ms = s.now - start;
	add_run(f, ms, &s, before);
	sim_free(&s);
	sync_link_free(w.client);
	sync_link_free(w.server);
	inputlog_free(w.log);
}

static void print(const char *what, unsigned loss, unsigned runs, const struct figures *f)
{
	printf("%-34s loss %2u%%: %7.0f ms mean, %6llu ms worst; %6.1f frames, "
	       "%6.1f datagrams, %8.0f bytes (both ways, mean of %u)\n",
	       what, loss, f->ms / runs, (unsigned long long)f->worst_ms, f->frames / runs,
	       f->dgrams / runs, f->bytes / runs, runs);
}

static uint64_t now_us(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000 + (uint64_t)ts.tv_nsec / 1000;
}

/* A client and a server over real UDP on loopback, directly or through udpproxy. The
 * client sends an input log, the server a register state. */
struct udp_pair {
	transport *client, *server;
	int cfd, sfd;
	inputlog *log;
	struct regs *view;
	bool proxied;
	struct udpproxy proxy;
};

static void pair_open(struct udp_pair *u, const char *proxy_path, char *const *flags)
{
	uint64_t id;
	uint8_t key[NET_KEY_LEN];
	net_conn_keygen(&id, key);
	inputlog_state *empty = inputlog_state_empty();
	u->view = regs_new();
	u->client = transport_new(id, key, false, &inputlog_ops, empty, &regs_ops, u->view);
	u->server = transport_new(id, key, true, &regs_ops, u->view, &inputlog_ops, empty);
	inputlog_state_unref(empty);
	u->log = inputlog_new();
	struct net_addr any, saddr = { .len = sizeof saddr.ss };
	net_addr_resolve("127.0.0.1", 0, &any);
	u->sfd = net_udp_bind((struct sockaddr *)&any.ss, any.len);
	u->cfd = net_udp_bind((struct sockaddr *)&any.ss, any.len);
	getsockname(u->sfd, (struct sockaddr *)&saddr.ss, &saddr.len);
	u->proxied = proxy_path != NULL;
	if (u->proxied && !udpproxy_start(&u->proxy, proxy_path, &saddr, flags)) {
		fprintf(stderr, "cannot run %s\n", proxy_path);
		exit(1);
	}
	const struct net_addr *to = u->proxied ? &u->proxy.addr : &saddr;
	net_conn_set_peer(transport_conn(u->client), (const struct sockaddr *)&to->ss, to->len);
}

static void pair_close(struct udp_pair *u)
{
	if (u->proxied)
		udpproxy_stop(&u->proxy, NULL);
	close(u->cfd);
	close(u->sfd);
	transport_free(u->client);
	transport_free(u->server);
	inputlog_free(u->log);
	regs_unref(u->view);
}

enum { CLIENT_NEWS = 1, SERVER_NEWS = 2 };

/* Waits on both sockets up to timeout ms, hands datagrams over, sends what is due; says
 * whose remote state advanced. */
static int pump(struct udp_pair *u, int timeout)
{
	static uint8_t buf[NET_DGRAM_MAX + 1];
	struct pollfd pfd[2] = { { .fd = u->cfd, .events = POLLIN },
				 { .fd = u->sfd, .events = POLLIN } };
	int news = 0;
	int a = transport_timeout_ms(u->client, net_clock_ms());
	int b = transport_timeout_ms(u->server, net_clock_ms());
	timeout = a < timeout ? a : timeout;
	poll(pfd, 2, b < timeout ? b : timeout);
	for (int i = 0; i < 2; i++) {
		struct net_addr from;
		ssize_t n;
		while ((n = net_udp_recv(pfd[i].fd, buf, sizeof buf, &from)) >= 0)
			if ((size_t)n <= NET_DGRAM_MAX &&
			    transport_receive(i ? u->server : u->client, buf, (size_t)n,
					      (struct sockaddr *)&from.ss, from.len, net_clock_ms()))
				news |= i ? SERVER_NEWS : CLIENT_NEWS;
	}
	transport_tick(u->client, u->cfd, net_clock_ms());
	transport_tick(u->server, u->sfd, net_clock_ms());
	const inputlog_state *acked =
		sync_sender_acked(sync_link_sender(transport_link(u->client)), NULL);
	inputlog_acked(u->log, inputlog_state_end(acked));
	return news;
}

static void pump_for(struct udp_pair *u, unsigned ms)
{
	uint64_t end = net_clock_ms() + ms;
	while (net_clock_ms() < end)
		pump(u, (int)(end - net_clock_ms()));
}

static void server_change(struct udp_pair *u, uint32_t random)
{
	struct regs *r = regs_next(u->view, random);
	regs_unref(u->view);
	u->view = r;
	transport_set_local(u->server, r);
}

static bool client_shows_view(const struct udp_pair *u)
{
	return regs_equal(transport_remote(u->client, NULL), u->view);
}

static void sent_totals(const struct udp_pair *u, uint64_t *dgrams, uint64_t *bytes)
{
	const struct net_conn_stats *c = net_conn_stats(transport_conn(u->client));
	const struct net_conn_stats *s = net_conn_stats(transport_conn(u->server));
	*dgrams = c->sent_datagrams + s->sent_datagrams;
	*bytes = c->sent_bytes + s->sent_bytes;
}

/* The server's state changes every ms for burst_ms; then the time until the client shows
 * the last change, over real UDP through udpproxy at a 100 ms round trip. */
static void proxied_burst(const char *proxy_path, unsigned loss, unsigned burst_ms,
			  unsigned runs, const char *what)
{
	char spec[64];
	snprintf(spec, sizeof spec, "loss=%u,delay=50", loss);
	struct figures f = { 0 };
	for (unsigned r = 0; r < runs; r++) {
		char seed[16];
		snprintf(seed, sizeof seed, "%u", r + 1);
		struct udp_pair u;
		pair_open(&u, proxy_path, (char *[]){ "-s", seed, "-u", spec, "-d", spec, NULL });
		/* Warm up: a few changes teach both ends the round trip. */
		for (int i = 0; i < 20; i++) {
			server_change(&u, (uint32_t)i);
			pump_for(&u, 50);
		}
		while (!client_shows_view(&u) || !transport_settled(u.server))
			pump(&u, 100);
		uint64_t d0, b0, d1, b1;
		sent_totals(&u, &d0, &b0);
		uint64_t frames0 = transport_stats(u.client)->frames_sent +
				   transport_stats(u.server)->frames_sent;
		for (unsigned t = 0; t < burst_ms; t++) {
			server_change(&u, (uint32_t)t * 7919);
			pump_for(&u, 1);
		}
		uint64_t last = net_clock_ms();
		while (!client_shows_view(&u))
			pump(&u, 100);
		uint64_t ms = net_clock_ms() - last;
		sent_totals(&u, &d1, &b1);
		f.ms += (double)ms;
		f.worst_ms = ms > f.worst_ms ? ms : f.worst_ms;
		f.frames += (double)(transport_stats(u.client)->frames_sent +
				     transport_stats(u.server)->frames_sent - frames0);
		f.dgrams += (double)(d1 - d0);
		f.bytes += (double)(b1 - b0);
		pair_close(&u);
	}
	print(what, loss, runs, &f);
}

/* One key at a time over real loopback UDP: typed to seen by the server, in microseconds. */
static void loopback_keys(unsigned keys)
{
	struct udp_pair u;
	pair_open(&u, NULL, NULL);
	pump_for(&u, 100); /* a few round trips: the server learns the address */
	double sum = 0;
	uint64_t worst = 0;
	for (unsigned k = 0; k < keys; k++) {
		/* Idle a while between keys, as a typist does. */
		pump_for(&u, 10);
		uint64_t t0 = now_us();
		inputlog_append(u.log, "k", 1);
		inputlog_state *st = inputlog_snapshot(u.log, INPUTLOG_WINDOW);
		transport_set_local(u.client, st);
		inputlog_state_unref(st);
		transport_tick(u.client, u.cfd, net_clock_ms());
		while (!(pump(&u, 100) & SERVER_NEWS))
			;
		uint64_t us = now_us() - t0;
		sum += (double)us;
		worst = us > worst ? us : worst;
	}
	printf("%-34s %u keys: %.0f us mean, %llu us worst (encrypt, send, receive, decrypt, "
	       "apply)\n", "loopback UDP key to server", keys, sum / keys,
	       (unsigned long long)worst);
	pair_close(&u);
}

int main(int argc, char **argv)
{
	unsigned runs = argc > 1 ? (unsigned)atoi(argv[1]) : 50;
	setvbuf(stdout, NULL, _IOLBF, 0); /* each figure as soon as it is known */
	static const unsigned losses[] = { 0, 20 };
	printf("simulated link, 100 ms round trip, loss per datagram; time from the last change "
	       "to the receiver showing it (paste: from the first byte to the last arriving)\n");
	for (size_t i = 0; i < 2; i++) {
		struct figures f = { 0 };
		for (unsigned r = 0; r < runs; r++)
			run_regs(losses[i], r + 1, 1000, &f);
		print("state changing every ms for 1 s", losses[i], runs, &f);
	}
	for (size_t i = 0; i < 2; i++) {
		struct figures f = { 0 };
		for (unsigned r = 0; r < runs; r++)
			run_regs(losses[i], r + 1, 1, &f);
		print("one change on an idle link", losses[i], runs, &f);
	}
	for (size_t i = 0; i < 2; i++) {
		struct figures f = { 0 };
		for (unsigned r = 0; r < runs; r++)
			run_paste(losses[i], r + 1, 256 * 1024, INPUTLOG_WINDOW, &f);
		print("input log: 256 KB paste", losses[i], runs, &f);
	}
	/* As large as a full redraw of a 200x50 screen (18678 bytes, docs/protocol.md,
	 * "Screen diff"): one frame of 17 datagrams. */
	for (size_t i = 0; i < 2; i++) {
		struct figures f = { 0 };
		for (unsigned r = 0; r < runs; r++)
			run_paste(losses[i], r + 1, 19 * 1024, 24 * 1024, &f);
		print("one 19 KB change", losses[i], runs, &f);
	}
	loopback_keys(200);
	char self[PATH_MAX], proxy[PATH_MAX + 32];
	snprintf(self, sizeof self, "%s", argv[0]);
	snprintf(proxy, sizeof proxy, "%s/../tests/udpproxy", dirname(self));
	if (access(proxy, X_OK) != 0) {
		printf("(no %s: make check builds it; no real-UDP runs)\n", proxy);
		return 0;
	}
	printf("real UDP through tests/udpproxy, 100 ms round trip, loss per datagram\n");
	unsigned proxied_runs = runs < 5 ? runs : 5;
	for (size_t i = 0; i < 2; i++)
		proxied_burst(proxy, losses[i], 1000, proxied_runs, "state changing every ms for 1 s");
	for (size_t i = 0; i < 2; i++)
		proxied_burst(proxy, losses[i], 1, 4 * proxied_runs, "one change on an idle link");
	return 0;
}
