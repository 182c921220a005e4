/*
 * Runs of cells on the wire: pen changes, text in one pen, and counts of blank cells
 * (docs/protocol.md, "Cells"). Used by wire.c for literal rows and patch spans.
 */
#ifndef RSH_TERM_WIRE_CELLS_H
#define RSH_TERM_WIRE_CELLS_H

#include <msgpack.h>

#include "../util/msgpack_read.h"
#include "row.h"

/* Packs an array of lead followed by the entries for the cells [from, to) of row. */
void wire_pack_cells(msgpack_packer *pk, uint32_t lead, const term_row *row, unsigned from,
		     unsigned to);

/* Reads n entries into row from column col on, never writing at or past limit. Returns
 * the column after the last cell written; on error the reader fails. */
unsigned wire_read_cells(mp_reader *r, uint32_t n, term_row *row, unsigned col, unsigned limit);

#endif
