/* Fuzz target: the checked msgpack reader on arbitrary bytes. */
#include <stddef.h>
#include <stdint.h>

#include "util/msgpack_read.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	mp_reader r;
	mp_reader_init(&r, data, size);
	while (mp_peek(&r) != MP_NONE && mp_skip(&r))
		;
	(void)mp_finish(&r);
	return 0;
}
