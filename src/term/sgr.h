/*
 * SGR (CSI ... m) read by us, not by libvterm: 0.1.4 mis-parses the colon forms
 * (`38:2::R:G:B` turned green into magenta 255,10,200), takes SGR 58 (underline colour)
 * apart into its numbers (`4;58;5;196` became underline + blink) and has no dim, no
 * conceal and no dotted or dashed underline. The guard (vterm_guard.h) hands every SGR to
 * the emulator, which applies it here; libvterm never sees one.
 *
 * Parameters are separated by ';', sub-parameters by ':'. Read as xterm and tmux read
 * them: 0 (or none) resets; 1 bold, 2 dim, 3 italic, 4 underline (4:0 to 4:5 its style:
 * none, single, double, curly, dotted, dashed), 5 and 6 blink, 7 reverse, 8 conceal,
 * 9 strike, 21 double underline, 22 to 29 their ends (22 ends bold and dim); 30-37, 90-97
 * and 40-47, 100-107 palette colours; 38, 48 and 58 (underline) an extended colour as
 * `;5;N`, `;2;R;G;B`, `:5:N`, `:2:R:G:B` or `:2:CS:R:G:B` (the colour space CS ignored);
 * 39, 49 and 59 the default. Anything else (fonts, overline, out-of-range values, a
 * colour whose numbers are missing) is ignored and the rest read on. Hostile input: any
 * bytes; reads nothing past len, allocates nothing.
 */
#ifndef RSH_TERM_SGR_H
#define RSH_TERM_SGR_H

#include <stddef.h>

#include "cell.h"

/* Applies the parameter bytes (between "CSI" and "m") to pen's colours and attributes. */
void term_sgr_apply(term_cell *pen, const char *params, size_t len);

#endif
