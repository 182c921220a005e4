/*
 * Fuzz target: datagrams opened by a server-side connection with a fixed key. The corpus
 * holds genuine sealed packets (tests/fuzz/mkcorpus_packet), so mutations that keep the tag
 * valid reach the plaintext parser, the replay window and reassembly; the rest must all be
 * dropped. Each input is a run of records (packet_records.h) fed to one fresh connection.
 */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include <netinet/in.h>

#include "net/connection.h"
#include "packet_records.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	net_conn *c = net_conn_new(FUZZ_PACKET_ID, fuzz_packet_key, true);
	struct sockaddr_in from = { .sin_family = AF_INET, .sin_port = htons(1) };
	const uint8_t *rec, *msg;
	size_t len, msglen;
	uint64_t now = 1;

	while (fuzz_next_record(&data, &size, &rec, &len)) {
		from.sin_port = htons((uint16_t)(len + 1)); /* roam now and then */
		if (net_conn_receive(c, rec, len, (struct sockaddr *)&from, sizeof from, now, &msg,
				     &msglen) == 1 && msglen > NET_MSG_MAX)
			abort();
		now += len; /* time passes too, far enough to expire partial messages */
	}
	net_conn_free(c);
	return 0;
}
