/*
 * Fuzz target: the local terminal's bytes, anything (a paste can hold any bytes). The
 * input's first byte seeds where the rest is cut into feeds, so sequences split at odd
 * places are tried too. Every event passes the range check and survives its wire form.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "client/keyparse.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check_event(void *arg, const term_event *ev)
{
	(void)arg;
	term_event back;
	size_t len;
	if (term_event_check(ev) != NULL)
		abort();
	uint8_t *buf = term_event_encode(ev, &len);
	if (buf == NULL || term_event_decode(buf, len, &back) != NULL || back.type != ev->type)
		abort();
	if (ev->type == TERM_EVENT_PASTE &&
	    (back.paste.len != ev->paste.len ||
	     memcmp(back.paste.text, ev->paste.text, ev->paste.len) != 0))
		abort();
	if (ev->type == TERM_EVENT_KEY && memcmp(&back.key, &ev->key, sizeof back.key) != 0)
		abort();
	if (ev->type == TERM_EVENT_MOUSE && memcmp(&back.mouse, &ev->mouse, sizeof back.mouse) != 0)
		abort();
	free(buf);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size == 0)
		return 0;
	uint32_t cuts = data[0] * 2654435761u;
	keyparse *kp = keyparse_new();
	size_t at = 1;
	while (at < size) {
		size_t n = 1 + cuts % 7;
		cuts = cuts * 1103515245u + 12345u;
		if (n > size - at)
			n = size - at;
		keyparse_feed(kp, data + at, n, check_event, NULL);
		at += n;
		/* Sometimes the ESC timeout passes between reads. */
		if ((cuts >> 16) % 13 == 0 && keyparse_pending(kp))
			keyparse_flush(kp, check_event, NULL);
	}
	keyparse_flush(kp, check_event, NULL);
	if (keyparse_pending(kp))
		abort();
	keyparse_free(kp);
	return 0;
}
