/*
 * Reading what the user types: the local terminal's bytes into input events
 * (term/event.h). Understands what xterm-like terminals send: UTF-8 characters, control
 * characters (C-a is the key 'a' with Ctrl), Alt as an ESC prefix, CSI and SS3 cursor,
 * editing and function keys with xterm's modifier parameter, bracketed paste
 * (ESC [ 200~ ... ESC [ 201~) as paste events, SGR mouse reports (ESC [ < b ; x ; y M/m)
 * and focus reports (ESC [ I, ESC [ O). The bytes may come cut anywhere; a sequence not
 * finished is held until the next bytes, and a lone ESC becomes the Escape key once no
 * more bytes follow within escape-time (the caller's clock: keyparse_flush). Bytes it cannot make sense of are dropped,
 * never passed on half read. The input is untrusted (anything can be pasted): it has a
 * fuzz target.
 */
#ifndef RSH_CLIENT_KEYPARSE_H
#define RSH_CLIENT_KEYPARSE_H

#include <stddef.h>
#include <stdint.h>

#include "term/event.h"

typedef struct keyparse keyparse;

/* Called once per event; the event and any text it points to last only for the call.
 * A paste longer than TERM_EVENT_PASTE_MAX comes as several paste events, each cut on a
 * character boundary; invalid UTF-8 in a paste becomes U+FFFD. */
typedef void keyparse_emit(void *arg, const term_event *ev);

keyparse *keyparse_new(void);
void keyparse_free(keyparse *kp);
/* Parses the bytes, emitting every event they complete. */
void keyparse_feed(keyparse *kp, const uint8_t *buf, size_t len, keyparse_emit *emit,
		   void *arg);
/* Whether bytes are held (an unfinished sequence or a lone ESC): then the caller calls
 * keyparse_flush once escape-time passes with no new bytes. */
int keyparse_pending(const keyparse *kp);
/* Takes the held bytes as they are: a lone ESC as the Escape key, an unfinished sequence
 * as Alt and its characters. An unfinished paste is not flushed: it waits for its end. */
void keyparse_flush(keyparse *kp, keyparse_emit *emit, void *arg);

#endif
