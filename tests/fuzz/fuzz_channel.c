/*
 * Fuzz target: the open request of a forwarding (net/forward.h), and channel messages
 * (net/channel_wire.h) taken by a server end that has
 * channels of both kinds open (one of its own with data in flight, one the client
 * opened), then the end's own reads, writes and messages, so every record meets a
 * channel in some state.
 */
#include <stddef.h>
#include <stdint.h>

#include "net/channel.h"
#include "net/forward.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The client opens channel 0 with a few bytes: the server holds a channel of the
 * client's. */
static void client_opens(chan_mux *s)
{
	chan_mux *c = chan_mux_new(false);
	uint32_t id;
	const uint8_t *msg;
	size_t len;
	chan_open(c, (const uint8_t *)"w", 1, &id);
	chan_write(c, id, "hello", 5);
	while (chan_mux_next(c, 1, 1186, &msg, &len))
		chan_mux_receive(s, msg, len, 1);
	chan_mux_free(c);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	chan_mux *s = chan_mux_new(true);
	uint32_t mine, theirs;
	const uint8_t *what, *msg;
	size_t len;
	uint8_t buf[CHAN_WHAT_MAX];
	struct fwd_what w;
	if (fwd_what_decode(data, size, &w))
		fwd_what_encode(&w, buf);
	client_opens(s);
	chan_accept(s, &theirs, &what, &len);
	chan_open(s, (const uint8_t *)"x", 1, &mine);
	chan_write(s, mine, "0123456789", 10);
	while (chan_mux_next(s, 2, 1186, &msg, &len))
		;
	/* Twice: the second lands on whatever the first left behind. */
	for (uint64_t now = 3; now < 5; now++) {
		chan_mux_heard(s, now);
		if (chan_is_message(data, size))
			chan_mux_receive(s, data, size, now);
		while (chan_accept(s, &theirs, &what, &len))
			chan_write(s, theirs, "y", 1);
		chan_read(s, theirs, buf, sizeof buf);
		chan_read(s, mine, buf, sizeof buf);
		chan_mux_turn(s);
		while (chan_mux_next(s, now * 2000, 1186, &msg, &len))
			;
		chan_mux_next_wakeup(s);
	}
	chan_mux_free(s);
	return 0;
}
