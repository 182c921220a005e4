/*
 * sync_converge: what a burst of changes costs to sync, and how long until the receiver
 * shows the last one, at a 100 ms round trip with 0 % and 20 % loss.
 *
 * The link is tests/sync_sim.c's simulation (simulated clock, frames cut into datagrams as
 * the datagram layer cuts them, loss per datagram), so figures are exact for a seed and
 * take no real time. Then the same burst over real UDP on loopback with no impairment,
 * through transport.h, to show the pacing adds no delay on a fast link.
 *
 *   sync_converge [RUNS]   (default 50 seeds per line)
 */
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "../tests/sync_regs.h"
#include "../tests/sync_sim.h"
#include "net/clock.h"
#include "net/inputlog.h"
#include "net/transport.h"
#include "net/udp.h"
#include "util/xmalloc.h"

struct figures {
	double ms, frames, dgrams, bytes; /* sums over runs */
	uint64_t worst_ms;
};

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
	uint64_t frames0 = s.frames[0] + s.frames[1], dgrams0 = s.dgrams[0] + s.dgrams[1];
	uint64_t bytes0 = s.bytes[0] + s.bytes[1];
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
	f->ms += (double)ms;
	f->worst_ms = ms > f->worst_ms ? ms : f->worst_ms;
	f->frames += (double)(s.frames[0] + s.frames[1] - frames0);
	f->dgrams += (double)(s.dgrams[0] + s.dgrams[1] - dgrams0);
	f->bytes += (double)(s.bytes[0] + s.bytes[1] - bytes0);
	sim_free(&s);
	sync_link_free(w.client);
	sync_link_free(w.server);
	regs_unref(w.cur);
}

/* A paste: events of 1 KB typed into the client's log at once, up to bytes. */
struct paste_world {
	sync_link *client, *server;
	inputlog *log;
	uint64_t want, got;
};

static void paste_receive(void *arg, int end, enum sync_result res)
{
	struct paste_world *w = arg;
	if (end == 0) {
		const inputlog_state *acked = sync_sender_acked(sync_link_sender(w->client), NULL);
		inputlog_acked(w->log, inputlog_state_end(acked));
		inputlog_state *s = inputlog_snapshot(w->log, INPUTLOG_WINDOW);
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

static void run_paste(unsigned loss, uint64_t seed, size_t bytes, struct figures *f)
{
	static uint8_t kb[1024];
	struct paste_world w = { 0 };
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
	uint64_t frames0 = s.frames[0] + s.frames[1], dgrams0 = s.dgrams[0] + s.dgrams[1];
	uint64_t bytes0 = s.bytes[0] + s.bytes[1], start = s.now;
	/* The client appends as fast as the log takes it (back-pressure), as a paste would. */
	size_t left = bytes;
	while (left > 0 || !paste_done(&w)) {
		while (left > 0 && inputlog_append(w.log, kb, sizeof kb) == INPUTLOG_OK) {
			left -= sizeof kb;
			w.want++;
		}
		inputlog_state *st = inputlog_snapshot(w.log, INPUTLOG_WINDOW);
		sync_link_set_local(w.client, st);
		inputlog_state_unref(st);
		sim_run_until(&s, s.now + 10, paste_done, &w);
		if (s.now - start > 600000) {
			fprintf(stderr, "seed %llu: paste stuck\n", (unsigned long long)seed);
			exit(1);
		}
	}
	uint64_t ms = s.now - start;
	f->ms += (double)ms;
	f->worst_ms = ms > f->worst_ms ? ms : f->worst_ms;
	f->frames += (double)(s.frames[0] + s.frames[1] - frames0);
	f->dgrams += (double)(s.dgrams[0] + s.dgrams[1] - dgrams0);
	f->bytes += (double)(s.bytes[0] + s.bytes[1] - bytes0);
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

/* Waits on both sockets, hands datagrams over; true when the server's state advanced. */
static bool pump(transport *client, int cfd, transport *server, int sfd, int timeout)
{
	static uint8_t buf[NET_DGRAM_MAX + 1];
	struct pollfd pfd[2] = { { .fd = cfd, .events = POLLIN }, { .fd = sfd, .events = POLLIN } };
	bool advanced = false;
	poll(pfd, 2, timeout);
	for (int i = 0; i < 2; i++) {
		struct net_addr from;
		ssize_t n;
		while ((n = net_udp_recv(pfd[i].fd, buf, sizeof buf, &from)) >= 0)
			if ((size_t)n <= NET_DGRAM_MAX)
				advanced |= transport_receive(i ? server : client, buf, (size_t)n,
							      (struct sockaddr *)&from.ss, from.len,
							      net_clock_ms()) && i == 1;
	}
	transport_tick(client, cfd, net_clock_ms());
	transport_tick(server, sfd, net_clock_ms());
	return advanced;
}

/* One key at a time over real loopback UDP: typed to seen by the server, in microseconds. */
static void loopback_keys(unsigned keys)
{
	uint64_t id;
	uint8_t key[NET_KEY_LEN];
	net_conn_keygen(&id, key);
	inputlog_state *empty = inputlog_state_empty();
	transport *client = transport_new(id, key, false, &inputlog_ops, empty, &inputlog_ops, empty);
	transport *server = transport_new(id, key, true, &inputlog_ops, empty, &inputlog_ops, empty);
	inputlog_state_unref(empty);
	inputlog *log = inputlog_new();
	struct net_addr any, saddr = { .len = sizeof saddr.ss };
	net_addr_resolve("127.0.0.1", 0, &any);
	int sfd = net_udp_bind((struct sockaddr *)&any.ss, any.len);
	int cfd = net_udp_bind((struct sockaddr *)&any.ss, any.len);
	getsockname(sfd, (struct sockaddr *)&saddr.ss, &saddr.len);
	net_conn_set_peer(transport_conn(client), (struct sockaddr *)&saddr.ss, saddr.len);
	for (int i = 0; i < 50; i++) /* a few round trips: the server learns the address */
		pump(client, cfd, server, sfd, 2);
	double sum = 0;
	uint64_t worst = 0;
	for (unsigned k = 0; k < keys; k++) {
		/* Idle a while between keys, as a typist does, so acks are out of the way. */
		for (int i = 0; i < 5; i++)
			pump(client, cfd, server, sfd, 3);
		uint64_t t0 = now_us();
		inputlog_append(log, "k", 1);
		inputlog_state *st = inputlog_snapshot(log, INPUTLOG_WINDOW);
		transport_set_local(client, st);
		inputlog_state_unref(st);
		transport_tick(client, cfd, net_clock_ms());
		while (!pump(client, cfd, server, sfd, 100))
			;
		uint64_t us = now_us() - t0;
		sum += (double)us;
		worst = us > worst ? us : worst;
		const inputlog_state *acked =
			sync_sender_acked(sync_link_sender(transport_link(client)), NULL);
		inputlog_acked(log, inputlog_state_end(acked));
	}
	printf("%-34s %u keys: %.0f us mean, %llu us worst (encrypt, send, receive, decrypt, "
	       "apply)\n", "loopback UDP key to server", keys, sum / keys,
	       (unsigned long long)worst);
	close(cfd);
	close(sfd);
	transport_free(client);
	transport_free(server);
	inputlog_free(log);
}

int main(int argc, char **argv)
{
	unsigned runs = argc > 1 ? (unsigned)atoi(argv[1]) : 50;
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
			run_paste(losses[i], r + 1, 256 * 1024, &f);
		print("input log: 256 KB paste", losses[i], runs, &f);
	}
	loopback_keys(200);
	return 0;
}
