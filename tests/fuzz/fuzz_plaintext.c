/*
 * Fuzz target: decrypted plaintexts (timestamps, fragment header, payload) parsed and fed
 * to reassembly, as an authentic but hostile peer could send them. Each input is a run of
 * records (packet_records.h), one plaintext each.
 */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "net/fragment.h"
#include "net/packet.h"
#include "packet_records.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct net_reasm_stats stats = { 0 };
	struct net_reasm r;
	const uint8_t *rec, *msg;
	size_t len, msglen;
	uint64_t now = 1;

	net_reasm_init(&r, &stats);
	while (fuzz_next_record(&data, &size, &rec, &len)) {
		struct net_plain p;
		if (net_plain_parse(rec, len, &p) && net_reasm_add(&r, &p, now, &msg, &msglen) &&
		    msglen > NET_MSG_MAX)
			abort();
		if (r.bytes > (size_t)NET_FRAG_MAX_PARTIAL * NET_MSG_MAX)
			abort();
		now += len ? (uint64_t)rec[0] << 6 : 1; /* clock jumps, up to expiry and beyond */
	}
	net_reasm_free(&r);
	return 0;
}
