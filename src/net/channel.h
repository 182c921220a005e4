/*
 * Channels: reliable, ordered, flow-controlled byte streams over one connection, beside
 * the state sync (docs/protocol.md, "Channels", is the specification).
 *
 * A chan_mux holds every channel of one end of a connection. Either end opens channels
 * (ids from the client are even, from the server odd, never reused), writes and reads
 * bytes, closes its direction (the peer reads end of stream after the last byte) or
 * resets the channel (both directions end at once). Like sync_link it knows nothing of
 * sockets: the owner hands it every channel message that arrives (chan_mux_receive) and
 * asks it for messages to send (chan_mux_next), each at most one datagram's payload, so
 * a lost datagram costs one message and nothing waits for reassembly.
 *
 * Guarantees, whatever the link does (loss, reordering, duplication, outages of any
 * length; roaming is below this layer): each byte written is read exactly once, in order,
 * or the channel ends by a reset that both ends see. Memory is bounded: at most CHAN_MAX
 * channels, each with a send buffer and a receive buffer of CHAN_BUF bytes. A full send
 * buffer refuses more (chan_write returns 0: back-pressure to the program writing); the
 * receive buffer is the window the peer may fill, so the peer is held back, never a byte
 * dropped that was acknowledged.
 *
 * Channel data takes what the link has left: the owner sends its sync frame first and
 * channel messages after it; their bytes in flight are bounded by a congestion window that
 * shrinks on loss and when the round trip grows past the quiet one (a queue building up
 * ahead of the next keystroke), and chan_mux_next gives at most CHAN_BURST messages a
 * turn (CHAN_BURST_TYPING while someone types), so the owner's loop takes its input in
 * between.
 *
 * Hostile input: a message is authentic (the datagram layer checked its tag) but its form
 * is not trusted: chan_mux_receive rejects a malformed message whole, changing nothing;
 * a well-formed record that contradicts the channel's state (an acknowledgement of bytes
 * never sent, data past the end of stream) resets that channel.
 */
#ifndef RSH_NET_CHANNEL_H
#define RSH_NET_CHANNEL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

/* Live channels per end at most (opened by either side). */
#define CHAN_MAX 256
/* Each channel's send buffer and receive window, in bytes. */
#define CHAN_BUF (128u * 1024)
/* The open request's bytes (what the channel is for: the owner's business) at most. */
#define CHAN_WHAT_MAX 512
/* Messages chan_mux_next gives a turn at most; CHAN_BURST_TYPING while the owner says
 * someone is typing (chan_mux_set_typing), so a key waits behind fewer. */
#define CHAN_BURST 16
#define CHAN_BURST_TYPING 4
/* Out-of-order ranges a receiver keeps per channel (and reports in acknowledgements). */
#define CHAN_SACK_MAX 4
/* Opens not yet acknowledged may span at most this many ids of one side. */
#define CHAN_OPEN_SPAN 64
/* Offsets stay below 2^62. */
#define CHAN_OFFSET_MAX ((UINT64_C(1) << 62) - 1)

/* Why a channel was reset (carried in RESET records). */
enum chan_reset_code {
	CHAN_RESET_ABORT = 0,   /* the program at that end went away or gave up */
	CHAN_RESET_REFUSED = 1, /* the open could not be served (connect failed, no agent) */
	CHAN_RESET_PROTOCOL = 2 /* the peer broke the rules of this channel */
};

typedef struct chan_mux chan_mux;

struct chan_stats {
	uint64_t msgs_sent, msgs_received, msgs_malformed;
	uint64_t data_sent, data_resent, data_received, data_dup; /* bytes */
	uint64_t timeouts;      /* resend timers that fired */
	uint64_t fast_resends;  /* gaps the peer's ranges showed, sent again at once */
	uint64_t resets_sent, resets_received, protocol_errors;
	uint64_t opens_refused; /* peer opens refused: too many channels */
};

/* server_side picks the parity of the ids this end opens (odd on the server). */
chan_mux *chan_mux_new(bool server_side);
void chan_mux_free(chan_mux *m);

/* Whether msg (a message of the datagram layer) is a channel message, not a sync frame:
 * looks at its first two bytes only. */
bool chan_is_message(const uint8_t *msg, size_t len);

/* The connection's round-trip figures, which pace resends and the congestion window. */
void chan_mux_set_rtt(chan_mux *m, unsigned srtt_ms, unsigned rto_ms);

/*
 * Opens a channel for what (0..CHAN_WHAT_MAX opaque bytes the peer reads with
 * chan_accept). Data may be written at once. Returns 0 with *id set, or -1 with errno
 * EAGAIN (CHAN_MAX channels live, or CHAN_OPEN_SPAN opens unacknowledged) or EINVAL
 * (what too long).
 */
int chan_open(chan_mux *m, const uint8_t *what, size_t len, uint32_t *id);
/* The next channel the peer opened that the owner has not accepted yet: true with *id,
 * and *what and *len (valid until the channel goes), false when none waits. */
bool chan_accept(chan_mux *m, uint32_t *id, const uint8_t **what, size_t *len);

/*
 * Copies at most len bytes into the channel's send buffer. Returns the bytes taken (0
 * when the buffer is full: write again after acknowledgements make room), or -1 with
 * errno EPIPE (this side closed it) or ECONNRESET (the channel is gone: reset, or never
 * was).
 */
ssize_t chan_write(chan_mux *m, uint32_t id, const void *buf, size_t len);
/* Room in the send buffer now (0 for a channel that takes no more). */
size_t chan_writable(const chan_mux *m, uint32_t id);
/*
 * Copies at most len bytes received in order. Returns the bytes copied, 0 at end of
 * stream (the peer closed its direction and every byte was read), or -1 with errno
 * EAGAIN (nothing yet) or ECONNRESET (the channel is gone).
 */
ssize_t chan_read(chan_mux *m, uint32_t id, void *buf, size_t len);
/* Bytes waiting to be read (0 also when gone or at end of stream). */
size_t chan_readable(const chan_mux *m, uint32_t id);
/* Whether the channel is live for the owner: not reset, not finished. */
bool chan_alive(const chan_mux *m, uint32_t id);
/* Closes this side's direction: the peer reads end of stream after the bytes written.
 * The channel goes once both directions ended and the owner read the end. */
void chan_close(chan_mux *m, uint32_t id);
/* Ends the channel at once, both directions; bytes not yet read or sent are dropped. */
void chan_reset(chan_mux *m, uint32_t id, enum chan_reset_code code);
/* The reset code of the channel's end when the peer reset it, else -1 (also once the id
 * is forgotten: the owner asks right after ECONNRESET). */
int chan_reset_code(const chan_mux *m, uint32_t id);

/* Takes a channel message from the peer (chan_is_message said so). False when it is
 * malformed (nothing changed). heard: any authentic message arrived (chan_mux_heard). */
bool chan_mux_receive(chan_mux *m, const uint8_t *msg, size_t len, uint64_t now_ms);
/* The peer was heard (any authentic message): resends held back by a long silence go
 * at once. */
void chan_mux_heard(chan_mux *m, uint64_t now_ms);

/*
 * The next message to send now, of at most room bytes (room >= 256): true with *msg and
 * *len (valid until the next call). At most CHAN_BURST in a row between calls of
 * chan_mux_turn.
 */
bool chan_mux_next(chan_mux *m, uint64_t now_ms, size_t room, const uint8_t **msg,
		   size_t *len);
/* A new turn of the owner's loop: the burst count starts again. */
void chan_mux_turn(chan_mux *m);
/* Whether someone typed lately (the owner's judgement): bursts are shorter meanwhile. */
void chan_mux_set_typing(chan_mux *m, bool typing);
/* When chan_mux_next next has something: 0 for now, UINT64_MAX when nothing waits. */
uint64_t chan_mux_next_wakeup(const chan_mux *m);

/* Live channels (for tests and list output) and their ids into ids[max]. */
size_t chan_mux_list(const chan_mux *m, uint32_t *ids, size_t max);
const struct chan_stats *chan_mux_stats(const chan_mux *m);
/* The congestion window in bytes (for tests and benches). */
size_t chan_mux_cwnd(const chan_mux *m);

#endif
