/* Paste buffers: a small array, ordered by when each was last set. */
#include "paste.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "options.h"
#include "util/printable.h"
#include "util/xmalloc.h"

#define SAMPLE_MAX 200

static struct paste_buffer **buffers;
static size_t nbuffers;
static unsigned long next_order, next_index;

struct paste_buffer *paste_get(const char *name)
{
	struct paste_buffer *best = NULL;
	for (size_t i = 0; i < nbuffers; i++)
		if (name != NULL ? strcmp(buffers[i]->name, name) == 0
				 : best == NULL || buffers[i]->order > best->order)
			best = buffers[i];
	return best;
}

struct paste_buffer *paste_find(const char *name, char **cause)
{
	struct paste_buffer *pb = paste_get(name);
	if (pb == NULL && name != NULL)
		xasprintf(cause, "no buffer %s", name);
	else if (pb == NULL)
		*cause = xstrdup("no buffers");
	return pb;
}

void paste_delete(struct paste_buffer *pb)
{
	for (size_t i = 0; i < nbuffers; i++)
		if (buffers[i] == pb) {
			buffers[i] = buffers[--nbuffers];
			break;
		}
	free(pb->name);
	free(pb->data);
	free(pb);
}

/* Drops the oldest automatic buffers past the limit. */
static void trim(void)
{
	for (;;) {
		struct paste_buffer *oldest = NULL;
		size_t n = 0;
		for (size_t i = 0; i < nbuffers; i++)
			if (buffers[i]->automatic) {
				n++;
				if (oldest == NULL || buffers[i]->order < oldest->order)
					oldest = buffers[i];
			}
		if (n <= (size_t)options_get_number(options_server, "buffer-limit"))
			return;
		paste_delete(oldest);
	}
}

/* The data (taken) as pb's, pb the most recent buffer now. */
static struct paste_buffer *set_data(struct paste_buffer *pb, char *data, size_t size)
{
	free(pb->data);
	pb->data = data;
	pb->size = size;
	pb->order = next_order++;
	pb->created = time(NULL);
	trim();
	return pb;
}

/* A new buffer called name (taken), with no data yet. */
static struct paste_buffer *add(char *name, bool automatic)
{
	struct paste_buffer *pb = xcalloc(1, sizeof *pb);
	pb->name = name;
	pb->automatic = automatic;
	buffers = xreallocarray(buffers, nbuffers + 1, sizeof *buffers);
	buffers[nbuffers++] = pb;
	return pb;
}

/* prefix and the next index, past those taken: an automatic buffer's name. */
static char *automatic_name(const char *prefix)
{
	char *name = NULL;
	do {
		free(name);
		xasprintf(&name, "%s%lu", prefix, next_index++);
	} while (paste_get(name) != NULL);
	return name;
}

struct paste_buffer *paste_set(const char *name, char *data, size_t size)
{
	struct paste_buffer *pb = name != NULL ? paste_get(name) : NULL;
	if (pb == NULL)
		pb = name != NULL ? add(xstrdup(name), false) : add(automatic_name("buffer"), true);
	return set_data(pb, data, size);
}

struct paste_buffer *paste_add(const char *prefix, char *data, size_t size)
{
	if (size == 0) {
		free(data);
		return NULL;
	}
	return set_data(add(automatic_name(prefix), true), data, size);
}

void paste_append(struct paste_buffer *pb, const char *data, size_t size)
{
	pb->data = xreallocarray(pb->data, pb->size + size + 1, 1);
	memcpy(pb->data + pb->size, data, size);
	pb->size += size;
	pb->order = next_order++;
	pb->created = time(NULL);
}

bool paste_rename(struct paste_buffer *pb, const char *name, char **cause)
{
	if (name[0] == '\0' || strlen(name) > PASTE_NAME_MAX) {
		xasprintf(cause, "invalid buffer name: %s", name);
		return false;
	}
	struct paste_buffer *other = paste_get(name);
	if (other == pb)
		return true;
	if (other != NULL)
		paste_delete(other); /* tmux replaces the buffer of that name */
	free(pb->name);
	pb->name = xstrdup(name);
	pb->automatic = false;
	return true;
}

static int newest_first(const void *a, const void *b)
{
	const struct paste_buffer *x = *(struct paste_buffer *const *)a;
	const struct paste_buffer *y = *(struct paste_buffer *const *)b;
	return (x->order < y->order) - (x->order > y->order);
}

struct paste_buffer **paste_list(size_t *n)
{
	struct paste_buffer **out = xcalloc(nbuffers ? nbuffers : 1, sizeof *out);
	if (nbuffers > 0) /* buffers is NULL before the first: memcpy's source must not be */
		memcpy(out, buffers, nbuffers * sizeof *out);
	qsort(out, nbuffers, sizeof *out, newest_first);
	*n = nbuffers;
	return out;
}

char *paste_sample(const struct paste_buffer *pb)
{
	size_t n = pb->size < SAMPLE_MAX ? pb->size : SAMPLE_MAX, len = 0;
	char *out = xmalloc(4 * n + 4);
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)pb->data[i];
		const char *esc = c == '\n' ? "\\n" : c == '\t' ? "\\t" : c == '\r' ? "\\r" :
				  c == '\\' ? "\\\\" : c == '"' ? "\\\"" : NULL;
		if (esc != NULL)
			len += (size_t)sprintf(out + len, "%s", esc);
		else if (c < 0x20 || c == 0x7f)
			len += (size_t)sprintf(out + len, "\\%03o", c);
		else
			out[len++] = (char)c;
	}
	strcpy(out + len, pb->size > n ? "..." : "");
	/* C1 controls and bytes that are not UTF-8 are escaped too, as in every listing. */
	char *shown = printable_copy(out, strlen(out), "");
	free(out);
	return shown;
}

void paste_free_all(void)
{
	while (nbuffers > 0)
		paste_delete(buffers[nbuffers - 1]);
	free(buffers);
	buffers = NULL;
}
