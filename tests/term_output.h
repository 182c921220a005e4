/* For the pane model's tests: what an emulator sent its program, caught in out[]. */
#ifndef RSH_TESTS_TERM_OUTPUT_H
#define RSH_TESTS_TERM_OUTPUT_H

#include <string.h>

#include "check.h"

static char out[256];
static size_t out_len;

static void on_output(const char *buf, size_t len, void *arg)
{
	CHECK(out_len + len < sizeof out);
	memcpy(out + out_len, buf, len);
	out_len += len;
}

#endif
