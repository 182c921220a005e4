/*
 * A pane's terminal emulator: libvterm's parser and state machine (VTermState) driving a
 * grid of our own (grid.h), one for the main screen and one for the alternate screen.
 *
 * Bytes from the pane's program go in through term_emulator_write; replies to the program
 * (DA, DSR, DECRQM) and encoded keys (input.h) come out through the output callback.
 */
#ifndef RSH_TERM_EMULATOR_H
#define RSH_TERM_EMULATOR_H

#include <stddef.h>
#include <stdint.h>

#include <vterm.h>

#include "grid.h"
#include "snapshot.h"

typedef struct term_emulator term_emulator;

/* Receives bytes for the pane's program: replies and encoded input. */
typedef void term_output_fn(const char *buf, size_t len, void *arg);

/* scrollback_limit: lines kept above the main screen (TERM_SCROLLBACK_DEFAULT is usual). */
term_emulator *term_emulator_new(unsigned rows, unsigned cols, unsigned scrollback_limit);
void term_emulator_free(term_emulator *em);

void term_emulator_set_output(term_emulator *em, term_output_fn *fn, void *arg);
void term_emulator_write(term_emulator *em, const char *buf, size_t len);
/* Sizes are clamped to 1..TERM_MAX_ROWS and 1..TERM_MAX_COLS. */
void term_emulator_resize(term_emulator *em, unsigned rows, unsigned cols);

/* Sends bytes to the program through the output callback (for input.c). */
void term_emulator_send(term_emulator *em, const char *buf, size_t len);
/* The modes now (enum term_mode), without taking a snapshot. */
uint32_t term_emulator_modes(const term_emulator *em);

/* The visible screen now, sharing rows with the grid: cheap to take, immutable. */
term_snapshot *term_emulator_snapshot(term_emulator *em);
/* Grows whenever what a snapshot shows may have changed. */
uint64_t term_emulator_changes(const term_emulator *em);

/* Drops the main screen's scrollback (clear-history); its history epoch grows. */
void term_emulator_clear_history(term_emulator *em);

/* The main screen's grid, whose scrollback capture reads. */
const term_grid *term_emulator_main_grid(const term_emulator *em);

/* For input.c: the libvterm instance whose keyboard and mouse encoders follow the modes. */
VTerm *term_emulator_vterm(term_emulator *em);

/* libvterm's colour as ours: default, palette index and RGB stay distinct. */
term_colour term_colour_from_vterm(const VTermColor *colour);

/* The window name the program asked for last with screen's ESC k NAME ESC \ (tmux's
 * rename string), allocated, and forgotten here; NULL when none since the last take.
 * NAME may be empty and holds no C0 control, but may be any other bytes. */
char *term_emulator_take_rename(term_emulator *em);

/* How many times the program rang the bell (BEL) so far; snapshots carry it too. */
uint32_t term_emulator_bells(const term_emulator *em);

/* The title the program set last (OSC 0 or 2), "" when none; valid until the next write. */
const char *term_emulator_title(const term_emulator *em);
/* Sets the title as a program's OSC 2 would (select-pane -T), cut to TERM_MAX_TITLE. */
void term_emulator_set_title(term_emulator *em, const char *title);

/*
 * OSC 52 from the program sets the clipboard the snapshots carry (term_clip) only when
 * allowed(arg, text, len) says so at that moment (set-clipboard); without a check,
 * always. text is "SELECTIONS;BASE64", already checked (term_clip_valid).
 */
typedef bool term_clip_check(void *arg, const char *text, size_t len);
void term_emulator_set_clipboard_check(term_emulator *em, term_clip_check *allowed, void *arg);

#endif
