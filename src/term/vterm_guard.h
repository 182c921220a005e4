/*
 * Feeds libvterm 0.1.4 around the bugs of its parser. The guard follows the byte stream as
 * libvterm's parser would (ground, escape, CSI, OSC/DCS string) and holds back whatever
 * sequence or UTF-8 character a write leaves unfinished, so that each reaches libvterm in
 * one vterm_input_write call; between two writes libvterm is never inside a sequence.
 *
 * - An OSC or DCS string split across writes is lost, and an ST split after its ESC
 *   dispatches a string of length SIZE_MAX.
 * - A UTF-8 character split after its second byte becomes U+FFFD replacement characters.
 * - A C0 control or DEL right after an ESC is run, and the escape goes on; inside a
 *   string a backslash after it is then taken for ST and libvterm reads past the end of
 *   its input (heap overflow, found by fuzzing). Such controls are left out.
 * - A CSI with more than 16 parameters is written past libvterm's parameter array,
 *   corrupting its state (found by fuzzing): the parameters past the 16th are left out,
 *   but for an SGR, which never reaches libvterm: the owner's sgr gets all of them (up to
 *   TERM_GUARD_SGR_REST bytes past the 16th, cut back to whole parameters beyond).
 * - REP (CSI Pn b) that stops one cell short of the right margin leaves libvterm waiting
 *   to wrap, so the next character goes to the next line (ncurses fills lines with REP);
 *   before any character is printed it loops for ever. REP never reaches libvterm: the
 *   guard hands its count to the owner's repeat function, which prints the character.
 *   So that no REP (nor SGR) slips past, a C0 control or DEL inside a CSI (which libvterm
 *   runs and goes on) runs ahead of the held CSI and is left out of it, and a CSI that
 *   aborts a string is read as any other.
 * - SGR is mis-parsed (colon sub-parameters, underline colour) and lacks attributes
 *   (term/sgr.h): a plain SGR (CSI ... m without private marker or intermediate) never
 *   reaches libvterm either; the guard hands its parameter bytes to the owner's sgr.
 * - DECSC/DECRC do not save the charset designations, and libvterm's saved pen knows
 *   nothing of what SGR it never saw: after libvterm ran a cursor save or restore
 *   (ESC 7, ESC 8, CSI s, CSI u, CSI ? ... h or l), a charset designation (ESC ( ) * +
 *   F), a shift (SO and SI between sequences, LS2 ESC n, LS3 ESC o), RIS (ESC c) or
 *   DECSTR (CSI ! p), the guard hands the sequence to the owner's ran, which keeps its
 *   own copy; it may inject (term_vterm_guard_inject) from there.
 * - DECSCUSR 0 (CSI 0 SP q, the terminal's default cursor) becomes a blinking block:
 *   ran hears of every CSI ... q too.
 * - screen's window name, ESC k NAME (tmux's rename string, which tmux's allow-rename
 *   lets rename the window): libvterm would print the name. It never reaches libvterm:
 *   the string ends at the next ESC (which starts a new sequence, ST as a rule), CAN or
 *   SUB, as in tmux, and the guard hands NAME (its C0 controls and DEL left out) to the
 *   owner's renamed.
 *
 * What the guard holds is bounded: a sequence longer than TERM_GUARD_MAX_STRING is dropped
 * whole, as if it had never come.
 */
#ifndef RSH_TERM_VTERM_GUARD_H
#define RSH_TERM_VTERM_GUARD_H

#include <stdbool.h>
#include <stddef.h>

#include <vterm.h>

#define TERM_GUARD_MAX_STRING 65536
/* libvterm 0.1.4 keeps 16 CSI parameters and writes the 17th and on past its array. */
#define TERM_GUARD_MAX_SEPARATORS 15
/* The most bytes of an SGR's parameters past the 16th that the guard keeps for sgr. */
#define TERM_GUARD_SGR_REST 512

typedef struct term_vterm_guard {
	unsigned char state; /* where libvterm's parser stands */
	bool dropping;       /* the current sequence outgrew the limit: skip to its end */
	unsigned char separators; /* parameter separators seen in the current CSI */
	bool plain;               /* the current CSI has no private marker or intermediate */
	unsigned long count;      /* its first parameter, saturated */
	unsigned char intermediate; /* the current escape's first intermediate byte, or 0 */
	/* The current CSI's parameter bytes left out past the 16th (for an SGR). */
	char rest[TERM_GUARD_SGR_REST];
	size_t rest_len;
	bool rest_cut; /* more came than rest holds */
	/* Called for each REP with its count (0 when left out), between sequences. */
	void (*repeat)(void *arg, unsigned long count);
	/* Called instead of libvterm for each plain SGR, with the bytes between CSI and m. */
	void (*sgr)(void *arg, const char *params, size_t len);
	/* Called after libvterm ran a watched sequence (above), with its bytes from ESC (a
	 * shift's one byte for SO and SI). */
	void (*ran)(void *arg, const char *seq, size_t len);
	/* Called for each ESC k NAME with NAME (any bytes but controls, maybe none). */
	void (*renamed)(void *arg, const char *name, size_t len);
	void *repeat_arg; /* the owner's argument to repeat, sgr, ran and renamed */
	char *held;
	size_t len, cap;
} term_vterm_guard;

/* Writes len bytes to vt, holding back what must wait. The guard starts zeroed, but for
 * its owner's functions (all four set). */
void term_vterm_guard_write(term_vterm_guard *guard, VTerm *vt, const char *buf, size_t len);
/* Writes a sequence of our own to vt. Between two guarded writes libvterm is never inside
 * one of the program's sequences (the guard holds what began), so it cannot cut one. */
void term_vterm_guard_inject(term_vterm_guard *guard, VTerm *vt, const char *seq, size_t len);
void term_vterm_guard_free(term_vterm_guard *guard);

#endif
