/*
 * The msgpack form of a screen diff (docs/protocol.md, "Screen diff"), so that the sync
 * layer can embed one in a larger message: encoding packs into the caller's packer,
 * decoding reads from the caller's reader and leaves the bytes after the diff to it
 * (mp_finish rejects trailing ones).
 *
 * Decoding checks the type and bounds of every field: sizes, row counts, spans, colours,
 * attributes, widths, code points. What it accepts it may still not apply: rows it copies
 * are checked against the base in term_diff_apply.
 */
#ifndef RSH_TERM_WIRE_H
#define RSH_TERM_WIRE_H

#include <msgpack.h>

#include "../util/msgpack_read.h"
#include "diff.h"

void term_diff_encode(const term_diff *d, msgpack_packer *pk);
/* The diff, or NULL with the reason in *err (the reader fails too). */
term_diff *term_diff_decode(mp_reader *r, const char **err);

/* The common path without a term_diff in sight: compute and encode, decode and apply. */
void term_diff_write(const term_snapshot *old, const term_snapshot *new, msgpack_packer *pk);
term_snapshot *term_diff_read(const term_snapshot *old, mp_reader *r, const char **err);

#endif
