/*
 * The local terminal's output, queued so that writing it never blocks the client: a
 * terminal that takes nothing for a while (C-s with flow control, a slow link, a full
 * buffer) holds up only the drawing, never the reading of keys and datagrams. ncurses
 * and the render write to ttyout_file, a memory file that always takes everything;
 * ttyout_send moves what it holds to the terminal as far as the terminal takes it now.
 *
 * Rules: the queue's owner draws again only once ttyout_send says the queue is empty,
 * so it holds at most one drawing plus what went with it (a title, a clipboard), never a
 * backlog. Output for a terminal that fails (hung up, EIO) is dropped.
 */
#ifndef RSH_CLIENT_TTYOUT_H
#define RSH_CLIENT_TTYOUT_H

#include <stdbool.h>
#include <stdio.h>

typedef struct ttyout ttyout;

/* A queue for the terminal on fd (not taken: the caller keeps it open). It writes
 * through a descriptor of its own opened without blocking; when the terminal cannot be
 * opened again (fd is not a terminal), it writes to fd itself, which may block. NULL,
 * errno set, when no memory file can be made. */
ttyout *ttyout_new(int fd);

/* Where output goes: a stream owned by the queue, valid until ttyout_free. */
FILE *ttyout_file(ttyout *q);

/* Flushes the stream and writes what the terminal takes now. True when nothing is left
 * to write. */
bool ttyout_send(ttyout *q);

/* The descriptor to poll for POLLOUT while ttyout_send leaves output. */
int ttyout_fd(const ttyout *q);

/* Writes everything, waiting for the terminal as long as it takes (before leaving the
 * terminal or stopping). */
void ttyout_finish(ttyout *q);

/* Finishes, then frees; NULL is ignored. */
void ttyout_free(ttyout *q);

#endif
