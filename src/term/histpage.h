/*
 * A page of a pane's history (its scrollback lines) as a view carries it to one client,
 * and the answer to that client's history search when the page brings one.
 *
 * History lines are numbered for the pane's life (term_grid's sb_total): a number names
 * the same content for as long as the pane's history epoch stays the same, so a client
 * keeps the lines it received in a cache and asks only for those it lacks. The server
 * sends pages lazily (docs/protocol.md, "History"); a page is immutable once shared and
 * reference counted, its rows shared with the grid or unpacked for it.
 */
#ifndef RSH_TERM_HISTPAGE_H
#define RSH_TERM_HISTPAGE_H

#include <msgpack.h>
#include <stdbool.h>
#include <stdint.h>

#include "../util/msgpack_read.h"
#include "row.h"

#define TERM_HISTPAGE_MAX_LINES 1000
/* A line longer than this is cut: no screen is wider. */
#define TERM_HISTPAGE_MAX_CELLS 1000

typedef struct term_histpage {
	uint32_t refs;
	uint32_t pane, epoch;  /* the pane's id and history epoch the lines belong to */
	uint64_t first;        /* the number of lines[0] */
	uint32_t nlines;       /* 0..TERM_HISTPAGE_MAX_LINES */
	term_row **lines;      /* nlines rows, never NULL entries */
	/* A search answer: serial is the request's; when found, the match starts at line
	 * (a history number, or total + row for the screen's rows) and column col. */
	bool answer, found;
	uint32_t serial;
	uint64_t line;
	uint16_t col;
} term_histpage;

/* nlines NULL rows for the caller to fill (each a reference it gives). */
term_histpage *term_histpage_new(uint32_t pane, uint32_t epoch, uint64_t first,
				 uint32_t nlines);
term_histpage *term_histpage_ref(term_histpage *p);
void term_histpage_unref(term_histpage *p);
/* Both NULL, the same page, or equal fields and lines. */
bool term_histpage_equal(const term_histpage *a, const term_histpage *b);

/* The wire form (docs/protocol.md, "History page"). */
void term_histpage_write(const term_histpage *p, msgpack_packer *pk);
/* Reads one, or NULL with r failed (hostile bytes: every field and limit checked). */
term_histpage *term_histpage_read(mp_reader *r);

#endif
