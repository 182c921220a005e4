/* Packets between two connection ends, without sockets: sealing, opening, every way a
 * datagram can be hostile, roaming and timestamps. */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdint.h>
#include <string.h>

#include "check.h"
#include "net/connection.h"
#include "net/packet.h"

#define ID UINT64_C(0x0123456789abcdef)

static const uint8_t key[NET_KEY_LEN] = { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15,
					  16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27,
					  28, 29, 30, 31, 32 };

/* Datagrams captured from net_conn_seal. */
struct capture {
	unsigned n;
	uint8_t d[64][NET_DGRAM_MAX];
	size_t len[64];
};

static int capture(void *arg, const uint8_t *dgram, size_t len)
{
	struct capture *cap = arg;
	CHECK(cap->n < 64 && len <= NET_DGRAM_MAX);
	memcpy(cap->d[cap->n], dgram, len);
	cap->len[cap->n++] = len;
	return 0;
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
	struct capture cap;
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

int main(void)
{
	test_round_trip();
	return 0;
}
