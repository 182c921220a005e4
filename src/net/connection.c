/* One end of an encrypted, roaming datagram connection. */
#include "connection.h"

#include <errno.h>
#include <sodium.h>
#include <stdlib.h>
#include <string.h>

#include "../util/xmalloc.h"
#include "packet.h"
#include "replay.h"
#include "sendq.h"
#include "rtt.h"
#include "udp.h"

/* A timestamp older than this is not worth echoing: the hold time would swamp the RTT. */
#define TS_REPLY_MAX_HOLD_MS 1000
/* Longer round trips are taken as clock confusion, not as samples (as mosh). */
#define RTT_SAMPLE_MAX_MS 5000

struct net_conn {
	uint64_t id;
	net_key *key;
	bool server_side;
	uint64_t next_seq;       /* counter without the direction bit; never reused */
	uint64_t next_msg_id;
	/* The last message cut into fragments: sealing the same bytes again reuses its id,
	 * so the receiver completes the copy it holds in part instead of starting over. */
	uint8_t last_digest[16];
	size_t last_len;
	uint64_t last_msg_id;
	size_t dgram_max;

	struct net_replay replay;
	struct net_rtt rtt;
	struct net_reasm reasm;

	struct sockaddr_storage peer;
	socklen_t peerlen;

	bool have_ts;            /* a peer timestamp waits to be echoed */
	uint16_t ts;
	uint64_t ts_at;
	uint64_t last_heard;
	uint64_t last_roundtrip;

	struct net_conn_stats stats;
	uint8_t plain[NET_DGRAM_MAX];
};

void net_conn_keygen(uint64_t *id, uint8_t key[NET_KEY_LEN])
{
	net_random(id, sizeof *id);
	net_random(key, NET_KEY_LEN);
}

net_conn *net_conn_new(uint64_t id, const uint8_t key[NET_KEY_LEN], bool server_side)
{
	net_conn *c = xcalloc(1, sizeof *c);
	c->id = id;
	c->key = net_key_new(key);
	c->server_side = server_side;
	c->dgram_max = NET_DGRAM_SEND_MAX;
	net_replay_init(&c->replay);
	net_rtt_init(&c->rtt);
	net_reasm_init(&c->reasm, &c->stats.frag);
	return c;
}

void net_conn_free(net_conn *c)
{
	if (c == NULL)
		return;
	net_key_free(c->key);
	net_reasm_free(&c->reasm);
	free(c);
}

uint64_t net_conn_id(const net_conn *c)
{
	return c->id;
}

void net_conn_set_peer(net_conn *c, const struct sockaddr *addr, socklen_t len)
{
	if (len > sizeof c->peer)
		len = sizeof c->peer;
	memcpy(&c->peer, addr, len);
	c->peerlen = len;
}

const struct sockaddr *net_conn_peer(const net_conn *c, socklen_t *len)
{
	*len = c->peerlen;
	return c->peerlen ? (const struct sockaddr *)&c->peer : NULL;
}

size_t net_conn_room(const net_conn *c)
{
	return c->dgram_max - NET_OVERHEAD;
}

void net_conn_set_dgram_max(net_conn *c, size_t max)
{
	if (max > NET_DGRAM_MAX)
		max = NET_DGRAM_MAX;
	if (max <= NET_OVERHEAD)
		max = NET_OVERHEAD + 1;
	c->dgram_max = max;
}

/* The echo of the peer's last timestamp, advanced by how long we held it; once only. */
static uint16_t take_ts_reply(net_conn *c, uint64_t now_ms)
{
	if (!c->have_ts || now_ms - c->ts_at > TS_REPLY_MAX_HOLD_MS)
		return NET_TS_NONE;
	c->have_ts = false;
	return net_ts16(c->ts + (now_ms - c->ts_at));
}

/*
 * A fresh id, or the previous one when msg repeats the previous multi-fragment message
 * byte for byte. A frame of n datagrams survives a loss rate l only with (1-l)^n per try;
 * letting tries combine makes a large frame arrive after a few tries, not dozens. The
 * receiver still completes an id that many newer ones (acknowledgements) passed, but
 * only within NET_MSG_ID_WINDOW of the newest: past that the resend takes a fresh id.
 */
static uint64_t message_id(net_conn *c, const uint8_t *msg, size_t len, size_t nfrag)
{
	if (nfrag < 2)
		return c->next_msg_id++;
	uint8_t digest[sizeof c->last_digest];
	crypto_generichash(digest, sizeof digest, msg, len, NULL, 0);
	if (c->last_len == len && c->next_msg_id > 0 &&
	    c->next_msg_id - c->last_msg_id < NET_MSG_ID_WINDOW &&
	    sodium_memcmp(digest, c->last_digest, sizeof digest) == 0)
		return c->last_msg_id;
	memcpy(c->last_digest, digest, sizeof digest);
	c->last_len = len;
	c->last_msg_id = c->next_msg_id;
	return c->next_msg_id++;
}

int net_conn_seal(net_conn *c, const uint8_t *msg, size_t len, uint64_t now_ms,
		  net_emit_fn emit, void *arg)
{
	size_t room = c->dgram_max - NET_OVERHEAD;
	size_t nfrag = len ? (len + room - 1) / room : 1;
	if (len > NET_MSG_MAX || nfrag > NET_FRAG_MAX_COUNT) {
		errno = EMSGSIZE;
		return -1;
	}
	if (c->next_seq + nfrag > NET_SEQ_MAX) {
		errno = EOVERFLOW; /* the key is worn out: never reuse a nonce */
		return -1;
	}
	struct net_plain p = { .msg_id = message_id(c, msg, len, nfrag) };
	uint8_t plain[NET_DGRAM_MAX], dgram[NET_DGRAM_MAX];
	for (size_t i = 0; i < nfrag; i++) {
		size_t off = i * room;
		size_t n = len - off < room ? len - off : room;
		uint64_t seq = c->next_seq++ | (c->server_side ? NET_SEQ_SERVER : 0);

		p.ts = net_ts16(now_ms);
		p.ts_reply = take_ts_reply(c, now_ms);
		p.index = (unsigned)i;
		p.final = i + 1 == nfrag;
		net_plain_write_header(&p, plain);
		if (n)
			memcpy(plain + NET_PLAIN_HEADER_LEN, msg + off, n);
		net_put_u64(dgram, c->id);
		net_put_u64(dgram + 8, seq);
		net_seal(c->key, seq, dgram, NET_HEADER_LEN, plain, NET_PLAIN_HEADER_LEN + n,
			 dgram + NET_HEADER_LEN);
		size_t dlen = NET_OVERHEAD + n;
		if (emit(arg, dgram, dlen) != 0)
			return -1;
		c->stats.sent_datagrams++;
		c->stats.sent_bytes += dlen;
	}
	c->stats.sent_messages++;
	return (int)nfrag;
}

struct sendto_arg {
	net_conn *c;
	int fd;
};

static int emit_sendto(void *argp, const uint8_t *dgram, size_t len)
{
	struct sendto_arg *arg = argp;
	if (sendq_holding() &&
	    sendq_push(arg->fd, (const struct sockaddr *)&arg->c->peer, arg->c->peerlen, dgram, len))
		return 0;
	if (sendto(arg->fd, dgram, len, 0, (const struct sockaddr *)&arg->c->peer,
		   arg->c->peerlen) < 0) {
		arg->c->stats.send_errors++;
		return -1;
	}
	return 0;
}

int net_conn_send(net_conn *c, int fd, const uint8_t *msg, size_t len, uint64_t now_ms)
{
	if (c->peerlen == 0) {
		errno = EDESTADDRREQ;
		return -1;
	}
	struct sendto_arg arg = { c, fd };
	return net_conn_seal(c, msg, len, now_ms, emit_sendto, &arg);
}

/* Checks the clear header; on failure counts why and returns false. */
static bool header_ok(net_conn *c, const uint8_t *dgram, size_t len,
		      enum net_replay_verdict *verdict)
{
	if (len < NET_DGRAM_MIN) {
		c->stats.drop_short++;
		return false;
	}
	if (len > NET_DGRAM_MAX) {
		c->stats.drop_long++;
		return false;
	}
	if (net_get_u64(dgram) != c->id) {
		c->stats.drop_id++;
		return false;
	}
	uint64_t seq = net_get_u64(dgram + 8);
	if (((seq & NET_SEQ_SERVER) != 0) == c->server_side) {
		c->stats.drop_direction++;
		return false;
	}
	*verdict = net_replay_check(&c->replay, seq & NET_SEQ_MAX);
	if (*verdict == NET_REPLAY_SEEN) {
		c->stats.drop_seen++;
		return false;
	}
	if (*verdict == NET_REPLAY_TOO_OLD) {
		c->stats.drop_too_old++;
		return false;
	}
	return true;
}

/* What the newest authentic packet teaches: the peer's clock, our RTT, its address. */
static void learn_from_newest(net_conn *c, const struct net_plain *p,
			      const struct sockaddr *from, socklen_t fromlen, uint64_t now_ms)
{
	c->have_ts = true;
	c->ts = p->ts;
	c->ts_at = now_ms;
	if (p->ts_reply != NET_TS_NONE) {
		uint16_t r = (uint16_t)(net_ts16(now_ms) - p->ts_reply);
		if (r < RTT_SAMPLE_MAX_MS) {
			net_rtt_sample(&c->rtt, r);
			c->last_roundtrip = now_ms;
		}
	}
	if (c->server_side && from != NULL &&
	    !net_addr_equal(from, fromlen, (const struct sockaddr *)&c->peer, c->peerlen)) {
		if (c->peerlen != 0)
			c->stats.roams++;
		net_conn_set_peer(c, from, fromlen);
	}
}

int net_conn_receive(net_conn *c, const uint8_t *dgram, size_t len,
		     const struct sockaddr *from, socklen_t fromlen, uint64_t now_ms,
		     const uint8_t **msg, size_t *msglen)
{
	enum net_replay_verdict verdict;
	if (!header_ok(c, dgram, len, &verdict))
		return 0;
	uint64_t seq = net_get_u64(dgram + 8);
	if (!net_open(c->key, seq, dgram, NET_HEADER_LEN, dgram + NET_HEADER_LEN,
		      len - NET_HEADER_LEN, c->plain)) {
		c->stats.drop_auth++;
		return 0;
	}
	net_replay_mark(&c->replay, seq & NET_SEQ_MAX);
	c->stats.recv_datagrams++;
	c->stats.recv_bytes += len;
	c->last_heard = now_ms;

	struct net_plain p;
	if (!net_plain_parse(c->plain, len - NET_HEADER_LEN - NET_TAG_LEN, &p)) {
		c->stats.drop_malformed++;
		return 0;
	}
	if (verdict == NET_REPLAY_NEW)
		learn_from_newest(c, &p, from, fromlen, now_ms);
	if (!net_reasm_add(&c->reasm, &p, now_ms, msg, msglen))
		return 0;
	c->stats.recv_messages++;
	return 1;
}

unsigned net_conn_srtt_ms(const net_conn *c)
{
	return net_rtt_srtt_ms(&c->rtt);
}

unsigned net_conn_rto_ms(const net_conn *c)
{
	return net_rtt_rto_ms(&c->rtt);
}

uint64_t net_conn_last_heard_ms(const net_conn *c)
{
	return c->last_heard;
}

uint64_t net_conn_last_roundtrip_ms(const net_conn *c)
{
	return c->last_roundtrip;
}

const struct net_conn_stats *net_conn_stats(const net_conn *c)
{
	return &c->stats;
}
