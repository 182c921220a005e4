/*
 * Fuzz target: key tables as a view carries them (term/keytable.h), from the network.
 * What is accepted keeps the limits, and packs into bytes that read back the same.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "term/keytable.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	mp_reader r;
	mp_reader_init(&r, data, size);
	key_tables *kt = key_tables_read(&r);
	if (kt == NULL)
		return 0;
	if (kt->n > KEY_TABLES_MAX || kt->nbindings > KEY_BINDINGS_MAX)
		abort();
	msgpack_sbuffer sb;
	msgpack_packer pk;
	msgpack_sbuffer_init(&sb);
	msgpack_packer_init(&pk, &sb, msgpack_sbuffer_write);
	key_tables_pack(kt, &pk);
	mp_reader_init(&r, sb.data, sb.size);
	key_tables *back = key_tables_read(&r);
	if (back == NULL || !mp_finish(&r) || back->n != kt->n || back->nbindings != kt->nbindings ||
	    back->gen != kt->gen)
		abort();
	key_tables_unref(back);
	key_tables_unref(kt);
	msgpack_sbuffer_destroy(&sb);
	return 0;
}
