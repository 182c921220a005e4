/*
 * Paste buffers, as tmux's: named blobs of text, most recently set first. Buffers made
 * without a name (a copy, set-buffer without -b) are called bufferN, N counting up (a
 * copy may name another prefix than "buffer": copy-selection PREFIX); past
 * buffer-limit of those (the server option, 50) the oldest automatic one goes. A copy in
 * any client's copy mode lands here, so any pane can have it pasted.
 */
#ifndef RSH_SERVER_PASTE_H
#define RSH_SERVER_PASTE_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

#define PASTE_NAME_MAX 256

struct paste_buffer {
	char *name;
	char *data; /* not NUL-terminated in general: any bytes */
	size_t size;
	bool automatic;
	unsigned long order; /* larger: set more recently */
	time_t created;      /* when last set (choose-buffer shows it, as tmux) */
};

/* The buffer called name, or the most recent when name is NULL; NULL when none. */
struct paste_buffer *paste_get(const char *name);
/* paste_get, or NULL with *cause as tmux says it ("no buffer NAME", "no buffers"). */
struct paste_buffer *paste_find(const char *name, char **cause);
/* Replaces (or adds) a buffer's data (taken), making it the most recent; name NULL makes a
 * new automatic one. */
struct paste_buffer *paste_set(const char *name, char *data, size_t size);
/* A new automatic buffer holding data (taken) named prefix and the next index ("%s%lu",
 * past names taken), as tmux's paste_add (a copy names its buffer so); NULL, data freed,
 * when size is 0 (tmux keeps no empty copy). */
struct paste_buffer *paste_add(const char *prefix, char *data, size_t size);
/* Appends to a buffer (making it the most recent). */
void paste_append(struct paste_buffer *pb, const char *data, size_t size);
/* Renames pb; false with *cause set when the name is taken or empty. */
bool paste_rename(struct paste_buffer *pb, const char *name, char **cause);
void paste_delete(struct paste_buffer *pb);
/* Every buffer, most recent first, into an allocated array of *n pointers (free it). */
struct paste_buffer **paste_list(size_t *n);
/* tmux's sample of a buffer: the text with C escapes (\n, \t, \\, \", octal), at most
 * 200 bytes of it and "..." when cut. Allocated. */
char *paste_sample(const struct paste_buffer *pb);
/* Frees every buffer (server exit). */
void paste_free_all(void);

#endif
