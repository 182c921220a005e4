/*
 * Writes the seed corpora of fuzz_packet and fuzz_plaintext: genuine packets sealed with the
 * fixed fuzzing key (singles, fragments in and out of order, replays, timestamp replies)
 * and plaintexts of the same shapes. Run it again when the wire format changes:
 *   mkcorpus_packet tests/fuzz/corpus/packet tests/fuzz/corpus/plaintext
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "net/connection.h"
#include "net/packet.h"
#include "../net_capture.h"
#include "packet_records.h"

/* Writes the records of r in the given order (indexes; -1 ends) to dir/name. */
static void write_file(const char *dir, const char *name, const struct capture *r,
		       const int *order)
{
	char path[4096];
	snprintf(path, sizeof path, "%s/%s", dir, name);
	FILE *f = fopen(path, "wb");
	if (f == NULL) {
		perror(path);
		exit(1);
	}
	for (const int *i = order; *i >= 0; i++) {
		uint8_t len[2];
		net_put_u16(len, (uint16_t)r->len[*i]);
		fwrite(len, 1, 2, f);
		fwrite(r->d[*i], 1, r->len[*i], f);
	}
	if (fclose(f) != 0) {
		perror(path);
		exit(1);
	}
}

static void seal(net_conn *c, struct capture *r, size_t len, uint64_t now)
{
	static uint8_t msg[4000];
	for (size_t i = 0; i < sizeof msg; i++)
		msg[i] = (uint8_t)(' ' + i % 95);
	if (net_conn_seal(c, msg, len, now, capture, r) < 0)
		exit(1);
}

static void packets(const char *dir)
{
	static struct capture r, back;
	net_conn *cl = net_conn_new(FUZZ_PACKET_ID, fuzz_packet_key, false);
	net_conn *sv = net_conn_new(FUZZ_PACKET_ID, fuzz_packet_key, true);
	const uint8_t *msg;
	size_t len;

	seal(cl, &r, 5, 100);    /* 0 */
	seal(cl, &r, 0, 110);    /* 1: empty */
	seal(cl, &r, 3000, 120); /* 2, 3, 4: three fragments */
	seal(sv, &back, 7, 130);
	if (net_conn_receive(cl, back.d[0], back.len[0], NULL, 0, 140, &msg, &len) != 1)
		exit(1);
	seal(cl, &r, 20, 150);   /* 5: with a timestamp reply */
	write_file(dir, "single", &r, (const int[]){ 0, -1 });
	write_file(dir, "empty", &r, (const int[]){ 1, -1 });
	write_file(dir, "fragments", &r, (const int[]){ 2, 3, 4, -1 });
	write_file(dir, "reordered", &r, (const int[]){ 4, 2, 4, 0, 3, 5, 1, -1 });
	write_file(dir, "replayed", &r, (const int[]){ 0, 0, 1, 0, -1 });
	write_file(dir, "ts-reply", &r, (const int[]){ 0, 5, -1 });
	net_conn_free(cl);
	net_conn_free(sv);
}

static void plain(struct capture *r, uint64_t id, unsigned index, bool final, size_t len)
{
	struct net_plain p = { .ts = 1000, .ts_reply = NET_TS_NONE, .msg_id = id,
			       .index = index, .final = final };
	net_plain_write_header(&p, r->d[r->n]);
	memset(r->d[r->n] + NET_PLAIN_HEADER_LEN, 'x', len);
	r->len[r->n++] = NET_PLAIN_HEADER_LEN + len;
}

static void plaintexts(const char *dir)
{
	static struct capture r;
	plain(&r, 1, 0, true, 10);  /* 0 */
	plain(&r, 2, 0, false, 50); /* 1, 2, 3 */
	plain(&r, 2, 1, false, 50);
	plain(&r, 2, 2, true, 7);
	plain(&r, 3, 1, false, 50); /* 4, 5: a message that never completes */
	plain(&r, 4, NET_FRAG_INDEX_MASK, true, 0);
	write_file(dir, "single", &r, (const int[]){ 0, -1 });
	write_file(dir, "fragments", &r, (const int[]){ 3, 1, 2, 1, -1 });
	write_file(dir, "mixed", &r, (const int[]){ 4, 1, 0, 2, 5, 3, 0, -1 });
}

int main(int argc, char **argv)
{
	if (argc != 3) {
		fprintf(stderr, "usage: mkcorpus_packet PACKET-DIR PLAINTEXT-DIR\n");
		return 2;
	}
	packets(argv[1]);
	plaintexts(argv[2]);
	return 0;
}
