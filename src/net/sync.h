/*
 * State synchronisation: the interface a state type offers, and the sync frame.
 *
 * Each direction of a connection ships a state, not a byte stream. The sender numbers the
 * states it sends and diffs the newest against a state the receiver holds (the base); the
 * receiver applies a diff only onto the base it names. A frame also carries the number of
 * the newest state its sender holds of the other direction (the acknowledgement), so one
 * frame serves both directions. docs/protocol.md is the specification.
 *
 * sync_sender.h, sync_receiver.h and sync_link.h build on this; transport.h puts a link on
 * an encrypted connection.
 */
#ifndef RSH_NET_SYNC_H
#define RSH_NET_SYNC_H

#include <msgpack.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "util/msgpack_read.h"

/*
 * What the sync layer needs of a state type. States are immutable and reference counted:
 * the layer takes references to the states it keeps and drops them when done. Number 0 is
 * the initial state both sides agree on before anything is sent.
 */
typedef struct sync_state_ops {
	void *(*ref)(void *s);
	void (*unref)(void *s);
	bool (*equal)(const void *a, const void *b);
	/* Writes what turns from into to, as msgpack values (any number, possibly none). */
	void (*diff)(const void *from, const void *to, msgpack_packer *pk);
	/* The state from plus the diff read from r (which holds exactly the diff), or NULL
	 * with *err set when the diff is malformed or does not fit from. The caller checks
	 * that every byte was read. */
	void *(*apply)(const void *from, mp_reader *r, const char **err);
} sync_state_ops;

#define SYNC_VERSION 1
/* Largest diff a frame may carry: the datagram layer's message limit bounds it anyway. */
#define SYNC_DIFF_MAX (1u << 20)
/* State numbers stay below 2^62: a peer cannot push a counter into overflow. */
#define SYNC_NUM_MAX ((UINT64_C(1) << 62) - 1)

/* "None" for sync_frame's missing field (never a state number). */
#define SYNC_NONE UINT64_MAX

/*
 * One frame. A frame with news has diff != NULL and takes the sender's state base to num
 * (base < num). A frame without (an acknowledgement or heartbeat) has diff == NULL and
 * base == num == throwaway.
 */
typedef struct sync_frame {
	uint64_t base;      /* the state the diff applies to */
	uint64_t num;       /* the state the diff produces */
	uint64_t ack;       /* newest state held of the other direction */
	uint64_t throwaway; /* the receiver may forget states older than this */
	const uint8_t *diff; /* into the decoded message; NULL for no news */
	size_t difflen;
	/* The other direction: a base named by a diff that arrived but is not held here
	 * (SYNC_NONE if none), so its sender stops diffing from it at once. */
	uint64_t missing;
} sync_frame;

/* Appends the encoded frame to buf. */
void sync_frame_encode(const sync_frame *f, msgpack_sbuffer *buf);
/* Decodes an untrusted message; false with *err set when any field is wrong. */
bool sync_frame_decode(const uint8_t *msg, size_t len, sync_frame *f, const char **err);

#endif
