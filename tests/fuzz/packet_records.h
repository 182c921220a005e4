/*
 * What the packet fuzz targets share: the fixed connection their corpus is sealed for, and
 * how one input holds several datagrams (each a 2-byte big-endian length and its bytes), so
 * that replay, reordering and reassembly across packets get exercised.
 */
#ifndef RSH_TESTS_FUZZ_PACKET_RECORDS_H
#define RSH_TESTS_FUZZ_PACKET_RECORDS_H

#include <stddef.h>
#include <stdint.h>

#define FUZZ_PACKET_ID UINT64_C(0x7273682d66757a7a) /* "rsh-fuzz" */

static const uint8_t fuzz_packet_key[32] = "rsh fuzzing key, never a secret";

/* Takes the next record off *data; false at the end. A short last record is cut. */
static inline bool fuzz_next_record(const uint8_t **data, size_t *size, const uint8_t **rec,
				    size_t *len)
{
	if (*size < 2)
		return false;
	size_t n = (size_t)(*data)[0] << 8 | (*data)[1];
	if (n > *size - 2)
		n = *size - 2;
	*rec = *data + 2;
	*len = n;
	*data += 2 + n;
	*size -= 2 + n;
	return true;
}

#endif
