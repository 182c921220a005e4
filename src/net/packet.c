/* Byte layout of datagrams and of their plaintext. */
#include "packet.h"

void net_put_u64(uint8_t *p, uint64_t v)
{
	for (int i = 7; i >= 0; i--) {
		p[i] = (uint8_t)v;
		v >>= 8;
	}
}

uint64_t net_get_u64(const uint8_t *p)
{
	uint64_t v = 0;
	for (int i = 0; i < 8; i++)
		v = v << 8 | p[i];
	return v;
}

void net_put_u16(uint8_t *p, uint16_t v)
{
	p[0] = (uint8_t)(v >> 8);
	p[1] = (uint8_t)v;
}

uint16_t net_get_u16(const uint8_t *p)
{
	return (uint16_t)(p[0] << 8 | p[1]);
}

uint64_t net_packet_peek_id(const uint8_t *dgram, size_t len, bool *ok)
{
	*ok = len >= NET_DGRAM_MIN && len <= NET_DGRAM_MAX;
	return *ok ? net_get_u64(dgram) : 0;
}

uint16_t net_ts16(uint64_t now_ms)
{
	uint16_t ts = (uint16_t)now_ms;
	return ts == NET_TS_NONE ? 0 : ts;
}

bool net_plain_parse(const uint8_t *plain, size_t len, struct net_plain *out)
{
	if (len < NET_PLAIN_HEADER_LEN)
		return false;
	out->ts = net_get_u16(plain);
	out->ts_reply = net_get_u16(plain + 2);
	out->msg_id = net_get_u64(plain + 4);
	uint16_t f = net_get_u16(plain + 12);
	out->index = f & NET_FRAG_INDEX_MASK;
	out->final = (f & NET_FRAG_FINAL) != 0;
	out->data = plain + NET_PLAIN_HEADER_LEN;
	out->len = len - NET_PLAIN_HEADER_LEN;
	/* A sender never writes NET_TS_NONE as its own timestamp. */
	return out->ts != NET_TS_NONE;
}

void net_plain_write_header(const struct net_plain *p, uint8_t *out)
{
	net_put_u16(out, p->ts);
	net_put_u16(out + 2, p->ts_reply);
	net_put_u64(out + 4, p->msg_id);
	net_put_u16(out + 12, (uint16_t)((p->index & NET_FRAG_INDEX_MASK) |
					 (p->final ? NET_FRAG_FINAL : 0)));
}
