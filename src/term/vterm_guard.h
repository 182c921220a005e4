/*
 * Feeds libvterm 0.1.4 so that an OSC or DCS string, or a UTF-8 character, is never split
 * across two vterm_input_write calls.
 *
 * 0.1.4 loses such a string (the part after the split arrives as a different, short one),
 * and an ST split after its ESC dispatches a string of length SIZE_MAX. So the guard holds
 * back an unterminated string (and a trailing lone ESC, which may start one) until its end
 * arrives, then hands libvterm the whole string in one call. What it holds is bounded: a
 * string longer than TERM_GUARD_MAX_STRING is dropped whole, as if it had never come.
 *
 * Inside a string, 0.1.4 runs a C0 control or DEL that follows an ESC, then takes a
 * backslash after it for ST and reads past the end of its input (heap overflow, found by
 * fuzzing): the guard leaves such a control out.
 *
 * A CSI sequence with more than 16 parameters makes 0.1.4 write past its parameter array,
 * corrupting its own state (found by fuzzing): the guard leaves out the parameters past
 * the 16th.
 *
 * 0.1.4 also turns a UTF-8 character split across two writes (after its second byte)
 * into U+FFFD replacement characters, so an incomplete character at the end of a write
 * waits for the rest too.
 */
#ifndef RSH_TERM_VTERM_GUARD_H
#define RSH_TERM_VTERM_GUARD_H

#include <stdbool.h>
#include <stddef.h>

#include <vterm.h>

#define TERM_GUARD_MAX_STRING 65536
/* libvterm 0.1.4 keeps 16 CSI parameters and writes the 17th and on past its array. */
#define TERM_GUARD_MAX_SEPARATORS 15

typedef struct term_vterm_guard {
	unsigned char state; /* where libvterm's parser stands, as far as strings go */
	bool dropping;       /* the current string outgrew the limit: skip to its end */
	unsigned char separators; /* parameter separators seen in the current CSI */
	char *held;
	size_t len, cap;
	char pending[16]; /* our own sequence, waiting for the program's to end */
	unsigned char npending;
} term_vterm_guard;

/* Writes len bytes to vt, holding back what must wait. The guard starts zeroed. */
void term_vterm_guard_write(term_vterm_guard *guard, VTerm *vt, const char *buf, size_t len);
/* Writes a sequence of our own to vt as soon as no sequence of the program's is under
 * way (at once, or within a later term_vterm_guard_write). Up to 16 bytes wait. */
void term_vterm_guard_inject(term_vterm_guard *guard, VTerm *vt, const char *seq, size_t len);
void term_vterm_guard_free(term_vterm_guard *guard);

#endif
