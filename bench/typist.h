/*
 * A typist at a shell prompt, watching the client's screen (tests/attach_harness.h): it
 * writes one key at a time to the client's pty and, each time the screen changes, notes
 * when each key's character first shows at its place and whether a shown character later
 * changed or vanished, or a character showed where nothing was typed (a misprediction).
 *
 * A space shows as the cursor moving past its cell (or a later character showing).
 */
#ifndef RSH_BENCH_TYPIST_H
#define RSH_BENCH_TYPIST_H

#include <stdbool.h>
#include <stddef.h>

#include "../tests/attach_harness.h"

struct typist {
	harness_client *client;
	const char *text;     /* what is typed, one byte a key, ASCII */
	size_t keys;          /* strlen(text) */
	unsigned row, col;    /* where the first key's character goes */
	size_t sent;          /* keys written so far */
	double *sent_at;      /* ms, when each key was written */
	double *shown_at;     /* ms, when it first showed; 0 while it has not */
	bool *wrong;          /* mispredicted */
	char *wrong_row;      /* the row when a misprediction was first seen, or NULL */
	double wrong_at;      /* ms, then */
	size_t wrong_key;     /* and the key found wrong */
};

/* Starts at the client's cursor (the prompt's end): text must fit on that row. */
void typist_init(struct typist *t, harness_client *client, const char *text);
void typist_free(struct typist *t);

/* Writes the next key at time now (ms). */
void typist_key(struct typist *t, double now);
/* Reads the screen after a change seen at time now. */
void typist_observe(struct typist *t, double now);
/* Every key written and the row shows the whole text. */
bool typist_done(const struct typist *t);

#endif
