/* Packets between two connection ends, without sockets: sealing, opening, every way a
 * datagram can be hostile, roaming and timestamps. */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "net_capture.h"
#include "net/connection.h"
#include "net/packet.h"

#define ID UINT64_C(0x0123456789abcdef)

static const uint8_t key[NET_KEY_LEN] = { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15,
					  16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27,
					  28, 29, 30, 31, 32 };

/* Seals msg into cap, after what it holds already. */
static void seal_more(net_conn *c, const char *msg, uint64_t now, struct capture *cap)
{
	CHECK(net_conn_seal(c, (const uint8_t *)msg, strlen(msg), now, capture, cap) == 1);
}

static void seal(net_conn *c, const char *msg, uint64_t now, struct capture *cap)
{
	cap->n = 0;
	CHECK(net_conn_seal(c, (const uint8_t *)msg, strlen(msg), now, capture, cap) == 1);
}

static struct sockaddr_in addr4(const char *ip, unsigned port)
{
	struct sockaddr_in a = { .sin_family = AF_INET, .sin_port = htons((uint16_t)port) };
	inet_pton(AF_INET, ip, &a.sin_addr);
	return a;
}

/* Receives one datagram; returns 1 and the message text, or 0. */
static int recv1(net_conn *c, const uint8_t *d, size_t len, const struct sockaddr_in *from,
		 uint64_t now, char *out)
{
	const uint8_t *msg;
	size_t mlen;
	int r = net_conn_receive(c, d, len, (const struct sockaddr *)from, sizeof *from, now,
				 &msg, &mlen);
	if (r == 1) {
		memcpy(out, msg, mlen);
		out[mlen] = '\0';
	}
	return r;
}

static uint64_t drops(const struct net_conn_stats *s)
{
	return s->drop_short + s->drop_long + s->drop_id + s->drop_direction + s->drop_seen +
	       s->drop_too_old + s->drop_auth + s->drop_malformed;
}

static void test_round_trip(void)
{
	net_conn *cl = net_conn_new(ID, key, false), *sv = net_conn_new(ID, key, true);
	struct sockaddr_in from = addr4("127.0.0.1", 5000);
	static struct capture cap;
	char out[NET_DGRAM_MAX];

	seal(cl, "hello", 1000, &cap);
	CHECK(cap.len[0] == NET_OVERHEAD + 5);
	bool ok;
	CHECK(net_packet_peek_id(cap.d[0], cap.len[0], &ok) == ID && ok);
	CHECK(net_conn_last_heard_ms(sv) == 0);
	CHECK(recv1(sv, cap.d[0], cap.len[0], &from, 1010, out) == 1 && strcmp(out, "hello") == 0);
	CHECK(net_conn_last_heard_ms(sv) == 1010);
	socklen_t plen;
	const struct sockaddr *peer = net_conn_peer(sv, &plen);
	CHECK(peer != NULL && plen == sizeof from && memcmp(peer, &from, plen) == 0);

	/* The reply echoes the client's timestamp: the client measures 20 ms: 10 each way, the 10 ms the server held it do not count. */
	seal(sv, "world", 1020, &cap);
	CHECK(recv1(cl, cap.d[0], cap.len[0], &from, 1030, out) == 1 && strcmp(out, "world") == 0);
	CHECK(net_conn_srtt_ms(cl) == 20);
	CHECK(net_conn_last_roundtrip_ms(cl) == 1030);
	CHECK(net_conn_srtt_ms(sv) == 1000); /* no reply seen yet */

	/* An empty message is a message. */
	seal(cl, "", 1040, &cap);
	CHECK(recv1(sv, cap.d[0], cap.len[0], &from, 1040, out) == 1 && out[0] == '\0');
	CHECK(drops(net_conn_stats(sv)) == 0 && drops(net_conn_stats(cl)) == 0);
	CHECK(net_conn_stats(sv)->recv_messages == 2 && net_conn_stats(cl)->sent_messages == 2);
	net_conn_free(cl);
	net_conn_free(sv);
}

/* A hostile datagram must be dropped with nothing changed but one drop counter. */
static uint64_t counter(const struct net_conn_stats *s, size_t off)
{
	uint64_t v;
	memcpy(&v, (const char *)s + off, sizeof v);
	return v;
}

static void check_dropped(net_conn *c, const uint8_t *d, size_t len, size_t off,
			  const char *what)
{
	struct net_conn_stats before = *net_conn_stats(c);
	uint64_t heard = net_conn_last_heard_ms(c);
	unsigned srtt = net_conn_srtt_ms(c);
	socklen_t plen0, plen1;
	const struct sockaddr *p0 = net_conn_peer(c, &plen0);
	struct sockaddr_storage peer0;
	if (p0 != NULL)
		memcpy(&peer0, p0, plen0);
	struct sockaddr_in evil = addr4("10.6.6.6", 666);
	char out[NET_DGRAM_MAX];

	CHECKF(recv1(c, d, len, &evil, 999999, out) == 0, "%s accepted", what);
	const struct net_conn_stats *after = net_conn_stats(c);
	CHECKF(counter(after, off) == counter(&before, off) + 1, "%s: wrong counter", what);
	CHECKF(drops(after) == drops(&before) + 1, "%s: other counters moved", what);
	CHECKF(after->recv_datagrams == before.recv_datagrams, "%s", what);
	CHECKF(net_conn_last_heard_ms(c) == heard && net_conn_srtt_ms(c) == srtt, "%s", what);
	const struct sockaddr *p1 = net_conn_peer(c, &plen1);
	CHECKF(plen1 == plen0 && (p1 == NULL || memcmp(p1, &peer0, plen0) == 0),
	       "%s moved the peer", what);
}

#define DROP(why) offsetof(struct net_conn_stats, drop_##why)

static void test_hostile(void)
{
	static struct capture cap;
	net_conn *cl = net_conn_new(ID, key, false), *sv = net_conn_new(ID, key, true);
	struct sockaddr_in from = addr4("127.0.0.1", 5000);
	char out[NET_DGRAM_MAX];
	uint8_t d[NET_DGRAM_MAX + 64];

	seal(cl, "first", 100, &cap);
	CHECK(recv1(sv, cap.d[0], cap.len[0], &from, 100, out) == 1);
	seal(cl, "a message that will be tampered with", 200, &cap);
	size_t len = cap.len[0];

	/* Every single-bit flip: header, ciphertext and tag. */
	for (size_t bit = 0; bit < len * 8; bit++) {
		memcpy(d, cap.d[0], len);
		d[bit / 8] ^= (uint8_t)(1u << (bit % 8));
		size_t off = DROP(auth);
		if (bit < 64)
			off = DROP(id);
		else if (bit == 8 * 8 + 7) /* the top bit of the sequence: direction */
			off = DROP(direction);
		else if (bit == 15 * 8) /* sequence 1 becomes 0, accepted already */
			off = DROP(seen);
		check_dropped(sv, d, len, off, "bit flip");
	}
	/* Truncated anywhere, and oversized. */
	for (size_t n = 0; n < len; n++) {
		check_dropped(sv, cap.d[0], n, n < NET_DGRAM_MIN ? DROP(short) : DROP(auth),
			      "truncated");
	}
	memset(d, 0, sizeof d);
	memcpy(d, cap.d[0], len);
	check_dropped(sv, d, NET_DGRAM_MAX + 1, DROP(long), "oversized");

	/* Wrong key, wrong id (sealed properly under it), wrong direction. */
	uint8_t other_key[NET_KEY_LEN];
	memcpy(other_key, key, sizeof other_key);
	other_key[31] ^= 1;
	net_conn *forger = net_conn_new(ID, other_key, false);
	seal(forger, "forged", 200, &cap);
	seal_more(forger, "forged", 200, &cap); /* sequence 1: not seen yet */
	check_dropped(sv, cap.d[1], cap.len[1], DROP(auth), "wrong key");
	net_conn_free(forger);
	forger = net_conn_new(ID + 1, key, false);
	seal(forger, "other id", 200, &cap);
	check_dropped(sv, cap.d[0], cap.len[0], DROP(id), "wrong id");
	net_conn_free(forger);
	forger = net_conn_new(ID, key, true);
	seal(forger, "reflected", 200, &cap);
	check_dropped(sv, cap.d[0], cap.len[0], DROP(direction), "wrong direction");
	net_conn_free(forger);

	/* The genuine packet still opens after all that: nothing moved the window. */
	seal(cl, "genuine", 300, &cap);
	memcpy(d, cap.d[0], cap.len[0]);
	CHECK(recv1(sv, d, cap.len[0], &from, 300, out) == 1 && strcmp(out, "genuine") == 0);
	check_dropped(sv, d, cap.len[0], DROP(seen), "replayed");
	net_conn_free(cl);
	net_conn_free(sv);
}

/* Sequence numbers: reordering inside the window is fine, older or seen is refused. */
static void test_window(void)
{
	static struct capture cap;
	net_conn *cl = net_conn_new(ID, key, false), *sv = net_conn_new(ID, key, true);
	struct sockaddr_in from = addr4("127.0.0.1", 5000);
	char out[NET_DGRAM_MAX], text[16];

	cap.n = 0;
	for (unsigned i = 0; i < 1100; i++) {
		snprintf(text, sizeof text, "%u", i);
		seal_more(cl, text, 0, &cap);
	}
	/* A message older than the newest delivered still arrives, within the message id
	 * window; past it, it is stale. Watch the datagram counters. */
	const struct net_conn_stats *st = net_conn_stats(sv);
	CHECK(recv1(sv, cap.d[10], cap.len[10], &from, 1, out) == 1 && strcmp(out, "10") == 0);
	CHECK(recv1(sv, cap.d[5], cap.len[5], &from, 1, out) == 1 && strcmp(out, "5") == 0);
	CHECK(st->recv_datagrams == 2 && st->frag.stale == 0);
	check_dropped(sv, cap.d[5], cap.len[5], DROP(seen), "replayed late packet");
	check_dropped(sv, cap.d[10], cap.len[10], DROP(seen), "replayed newest packet");
	/* 1033 is 1023 after 10: 10 is the oldest the window still holds. */
	CHECK(recv1(sv, cap.d[1033], cap.len[1033], &from, 2, out) == 1);
	check_dropped(sv, cap.d[10], cap.len[10], DROP(seen), "edge of the window");
	CHECK(recv1(sv, cap.d[11], cap.len[11], &from, 2, out) == 0);
	CHECK(st->recv_datagrams == 4);
	CHECK(recv1(sv, cap.d[1034], cap.len[1034], &from, 2, out) == 1);
	check_dropped(sv, cap.d[10], cap.len[10], DROP(too_old), "too old");
	check_dropped(sv, cap.d[9], cap.len[9], DROP(too_old), "too old");
	/* Every unseen packet inside the window opens, in any order. */
	for (unsigned i = 1033; i-- > 11;) {
		if (i != 11)
			CHECK(recv1(sv, cap.d[i], cap.len[i], &from, 3, out) ==
			      (1034 - i < NET_MSG_ID_WINDOW));
	}
	CHECK(st->recv_datagrams == 5 + 1021);
	CHECK(recv1(sv, cap.d[1099], cap.len[1099], &from, 4, out) == 1 &&
	      strcmp(out, "1099") == 0);
	net_conn_free(cl);
	net_conn_free(sv);
}

static bool peer_is(net_conn *c, const struct sockaddr_in *a)
{
	socklen_t len;
	const struct sockaddr *p = net_conn_peer(c, &len);
	return p != NULL && len == sizeof *a && memcmp(p, a, len) == 0;
}

/* The server answers the source of the newest authentic packet, and nothing else. */
static void test_roaming(void)
{
	static struct capture cap;
	net_conn *cl = net_conn_new(ID, key, false), *sv = net_conn_new(ID, key, true);
	struct sockaddr_in a = addr4("127.0.0.1", 5000), b = addr4("127.0.0.1", 5001),
			   c = addr4("192.0.2.7", 5000);
	char out[NET_DGRAM_MAX];

	cap.n = 0;
	for (unsigned i = 0; i < 4; i++)
		seal_more(cl, "x", i, &cap);
	CHECK(recv1(sv, cap.d[0], cap.len[0], &a, 10, out) == 1 && peer_is(sv, &a));
	CHECK(recv1(sv, cap.d[1], cap.len[1], &b, 11, out) == 1 && peer_is(sv, &b));
	CHECK(net_conn_stats(sv)->roams == 1);
	check_dropped(sv, cap.d[0], cap.len[0], DROP(seen), "replay from the old address");
	CHECK(recv1(sv, cap.d[0], cap.len[0], &a, 12, out) == 0 && peer_is(sv, &b));
	CHECK(recv1(sv, cap.d[3], cap.len[3], &c, 13, out) == 1 && peer_is(sv, &c));
	/* Authentic but late (sequence 2 after 3): its message arrives, but it does not take
	 * the stream back. */
	CHECK(recv1(sv, cap.d[2], cap.len[2], &a, 14, out) == 1 && peer_is(sv, &c));
	CHECK(net_conn_stats(sv)->recv_datagrams == 4 && net_conn_stats(sv)->roams == 2);
	/* Forged packets from a new address never redirect (check_dropped checks). */
	seal_more(cl, "x", 15, &cap);
	cap.d[4][20] ^= 1;
	check_dropped(sv, cap.d[4], cap.len[4], DROP(auth), "forged from elsewhere");
	/* The client side never follows anyone: it knows where the server is. */
	net_conn_set_peer(cl, (const struct sockaddr *)&a, sizeof a);
	seal(sv, "y", 20, &cap);
	CHECK(recv1(cl, cap.d[0], cap.len[0], &b, 21, out) == 1 && peer_is(cl, &a));
	net_conn_free(cl);
	net_conn_free(sv);
}

/* A message larger than a datagram, in pieces, in any order, with duplicates. */
static void test_fragments(void)
{
	static struct capture cap;
	net_conn *cl = net_conn_new(ID, key, false), *sv = net_conn_new(ID, key, true);
	struct sockaddr_in a = addr4("127.0.0.1", 5000);
	uint8_t msg[5000];
	const uint8_t *got;
	size_t len;

	for (size_t i = 0; i < sizeof msg; i++)
		msg[i] = (uint8_t)(i * 7 + i / 251);
	cap.n = 0;
	CHECK(net_conn_seal(cl, msg, sizeof msg, 0, capture, &cap) == 5);
	for (unsigned i = 0; i < 5; i++)
		CHECK(cap.len[i] <= NET_DGRAM_SEND_MAX);
	const unsigned order[] = { 3, 4, 3, 0, 1, 1, 2 };
	for (unsigned k = 0; k < sizeof order / sizeof *order; k++) {
		unsigned i = order[k];
		int r = net_conn_receive(sv, cap.d[i], cap.len[i], (struct sockaddr *)&a, sizeof a,
					 1, &got, &len);
		CHECK(r == (k + 1 == sizeof order / sizeof *order));
	}
	CHECK(len == sizeof msg && memcmp(got, msg, len) == 0);
	CHECK(net_conn_stats(sv)->drop_seen == 2);

	/* A resend of the same bytes fills the holes of the copy the receiver holds. */
	msg[0] ^= 1;
	cap.n = 0;
	CHECK(net_conn_seal(cl, msg, sizeof msg, 2, capture, &cap) == 5);
	CHECK(net_conn_seal(cl, msg, sizeof msg, 3, capture, &cap) == 5);
	for (unsigned i = 0; i < 10; i++) {
		if (i == 1 || i == 3 || i == 5 || i == 7 || i == 9)
			continue; /* lost: 1 and 3 of the first try, 0, 2 and 4 of the second */
		int r = net_conn_receive(sv, cap.d[i], cap.len[i], (struct sockaddr *)&a, sizeof a,
					 4, &got, &len);
		CHECK(r == (i == 8));
	}
	CHECK(len == sizeof msg && memcmp(got, msg, len) == 0);
	/* Once delivered, other fragments of a copy are stale; the final one of a further
	 * resend delivers it again, so the sender, which did not hear back, gets an answer. */
	CHECK(net_conn_receive(sv, cap.d[7], cap.len[7], (struct sockaddr *)&a, sizeof a, 4,
			       &got, &len) == 0);
	CHECK(net_conn_receive(sv, cap.d[9], cap.len[9], (struct sockaddr *)&a, sizeof a, 4,
			       &got, &len) == 1);
	CHECK(len == sizeof msg && memcmp(got, msg, len) == 0);
	/* Different bytes are a different message, even of the same length. */
	msg[0] ^= 1;
	cap.n = 0;
	CHECK(net_conn_seal(cl, msg, sizeof msg, 5, capture, &cap) == 5);
	for (unsigned i = 1; i < 5; i++)
		CHECK(net_conn_receive(sv, cap.d[i], cap.len[i], (struct sockaddr *)&a, sizeof a,
				       5, &got, &len) == 0);
	CHECK(net_conn_receive(sv, cap.d[0], cap.len[0], (struct sockaddr *)&a, sizeof a, 5,
			       &got, &len) == 1);

	/* Too long to send: refused before any sequence number is spent. */
	uint8_t *big = calloc(NET_MSG_MAX + 1, 1);
	CHECK(net_conn_seal(cl, big, NET_MSG_MAX + 1, 0, capture, &cap) == -1);
	/* A smaller datagram limit means more fragments, each within it. */
	net_conn_set_dgram_max(cl, 300);
	cap.n = 0;
	CHECK(net_conn_seal(cl, big, 1000, 0, capture, &cap) == 4);
	for (unsigned i = 0; i < cap.n; i++)
		CHECK(cap.len[i] <= 300);
	free(big);
	net_conn_free(cl);
	net_conn_free(sv);
}

/* A datagram on the simulated link: sent in some round, it arrives in a later one. */
struct flight {
	uint8_t d[NET_DGRAM_MAX];
	size_t len;
};

static uint64_t lrng;
static uint32_t lrnd(void)
{
	lrng = lrng * 6364136223846793005ull + 1442695040888963407ull;
	return (uint32_t)(lrng >> 33);
}

/*
 * Frames resent until they arrive (as the sync layer does), with small messages (acks,
 * heartbeats) between the tries, over a link that loses 20 %, duplicates 10 % and
 * reorders: every frame arrives, each small message at most once. A resend reusing its
 * message id after a newer message had been delivered was dropped as stale for ever.
 */
static void resend_under_loss(unsigned long seed)
{
	static struct capture cap;
	static struct flight air[4096];
	static uint8_t frame[9000];
	net_conn *cl = net_conn_new(ID, key, false), *sv = net_conn_new(ID, key, true);
	struct sockaddr_in a = addr4("127.0.0.1", 5000);
	unsigned nair = 0, next_small = 0, frames = 0, rounds = 0;
	static unsigned small_seen[100000];
	size_t frame_len = 0;

	lrng = seed;
	memset(small_seen, 0, sizeof small_seen);
	for (; frames < 20 && rounds < 3000; rounds++) {
		if (frame_len == 0) {
			frame_len = 2500 + lrnd() % (sizeof frame - 2500);
			for (size_t i = 0; i < frame_len; i++)
				frame[i] = (uint8_t)lrnd();
			memcpy(frame, "F", 1);
			memcpy(frame + 1, &frames, sizeof frames);
		}
		cap.n = 0;
		CHECK(net_conn_seal(cl, frame, frame_len, rounds, capture, &cap) > 1);
		/* Now and then more small messages than a resend may reuse its id across. */
		unsigned nsmall = lrnd() % 50 == 0 ? 80 : lrnd() % 4;
		for (unsigned k = 0; k < nsmall; k++) {
			char small[16];
			snprintf(small, sizeof small, "s%u", next_small++);
			seal_more(cl, small, rounds, &cap);
		}
		for (unsigned i = 0; i < cap.n; i++) {
			for (unsigned copies = lrnd() % 10 == 0 ? 2 : 1; copies > 0; copies--) {
				if (lrnd() % 5 == 0 || nair == sizeof air / sizeof *air)
					continue; /* lost */
				memcpy(air[nair].d, cap.d[i], cap.len[i]);
				air[nair++].len = cap.len[i];
			}
		}
		/* Each datagram in the air arrives this round with probability 2/3: reordered. */
		for (unsigned i = 0; i < nair;) {
			if (lrnd() % 3 == 0) {
				i++;
				continue;
			}
			const uint8_t *got;
			size_t len;
			int r = net_conn_receive(sv, air[i].d, air[i].len, (struct sockaddr *)&a,
						 sizeof a, rounds, &got, &len);
			air[i] = air[--nair];
			if (r != 1)
				continue;
			if (got[0] == 's') {
				char text[16] = "";
				memcpy(text, got + 1, len - 1 < sizeof text - 1 ? len - 1 : 0);
				unsigned k = (unsigned)strtoul(text, NULL, 10);
				CHECKF(k < next_small && small_seen[k]++ == 0,
				       "seed %lu: small message %u delivered twice", seed, k);
			} else {
				unsigned k;
				memcpy(&k, got + 1, sizeof k);
				CHECKF(got[0] == 'F' && k <= frames, "seed %lu: a frame garbled",
				       seed);
				if (k == frames && len == frame_len && memcmp(got, frame, len) == 0) {
					frames++; /* the sender hears of it: on to the next */
					frame_len = 0;
				}
			}
		}
	}
	CHECKF(frames == 20, "seed %lu: stalled at frame %u after %u rounds", seed, frames,
	       rounds);
	net_conn_free(cl);
	net_conn_free(sv);
}

static void test_resend_under_loss(void)
{
	for (unsigned long seed = test_seed(), n = test_cases(20); n > 0; seed++, n--)
		resend_under_loss(seed);
}

int main(void)
{
	test_round_trip();
	test_hostile();
	test_window();
	test_roaming();
	test_fragments();
	test_resend_under_loss();
	return 0;
}
