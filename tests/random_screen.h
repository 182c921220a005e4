/* Random screens and random changes to them, for the diff and wire tests. */
#ifndef RSH_TESTS_RANDOM_SCREEN_H
#define RSH_TESTS_RANDOM_SCREEN_H

#include <msgpack.h>

#include "term/diff.h"

typedef struct rng {
	uint64_t state;
} rng;

void rng_seed(rng *g, uint64_t seed);
uint32_t rng_next(rng *g);
/* Uniform in [0, n). */
unsigned rng_below(rng *g, unsigned n);

/* A row of random cells: text, blanks, wide and combining characters, every kind of
 * colour and attribute; sometimes storing fewer cells than cols, sometimes more. */
term_row *random_row(rng *g, unsigned cols);
term_snapshot *random_screen(rng *g, unsigned rows, unsigned cols);
/* A new screen made from s as a terminal would: edits, scrolls, resizes, a switch to
 * another screen, clearing, cursor, modes, bells, title; unchanged rows stay shared. */
term_snapshot *random_change(rng *g, const term_snapshot *s);

/* Writes text at row, col in the default pen (ASCII only). */
void put_text(term_snapshot *s, unsigned row, unsigned col, const char *text);

/* The diff's encoding, in buf (which the caller destroys). */
void encode_diff(const term_diff *d, msgpack_sbuffer *buf);

#endif
