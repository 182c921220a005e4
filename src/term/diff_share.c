/* Screen diffs shared within one turn (rules: diff_share.h). */
#include "diff_share.h"

#include <stdlib.h>
#include <string.h>

#include "../util/xmalloc.h"
#include "wire.h"

struct entry {
	term_snapshot *old, *new; /* references; old may be NULL */
	uint8_t *bytes;
	size_t len;
	unsigned long long used; /* the turn's use counter when last used */
};

static struct {
	bool on;
	struct entry e[TERM_DIFF_SHARE_MAX];
	unsigned n;
	unsigned long long uses;
	struct term_diff_share_stats stats;
	msgpack_sbuffer buf;
} share;

void term_diff_share_begin(void)
{
	term_diff_share_end();
	share.on = true;
}

static void drop(struct entry *e)
{
	term_snapshot_unref(e->old);
	term_snapshot_unref(e->new);
	free(e->bytes);
}

void term_diff_share_end(void)
{
	for (unsigned i = 0; i < share.n; i++)
		drop(&share.e[i]);
	share.n = 0;
	share.on = false;
	msgpack_sbuffer_destroy(&share.buf);
	memset(&share.buf, 0, sizeof share.buf);
}

static struct entry *find(const term_snapshot *old, const term_snapshot *new)
{
	for (unsigned i = 0; i < share.n; i++)
		if (share.e[i].old == old && share.e[i].new == new)
			return &share.e[i];
	return NULL;
}

/* A slot for a new entry: a free one, else the least recently used, emptied. */
static struct entry *slot(void)
{
	if (share.n < TERM_DIFF_SHARE_MAX)
		return &share.e[share.n++];
	struct entry *oldest = &share.e[0];
	for (unsigned i = 1; i < share.n; i++)
		if (share.e[i].used < oldest->used)
			oldest = &share.e[i];
	drop(oldest);
	return oldest;
}

/* Computes and encodes the diff into a new entry. */
static struct entry *compute(const term_snapshot *old, const term_snapshot *new)
{
	msgpack_packer pk;
	msgpack_sbuffer_clear(&share.buf);
	msgpack_packer_init(&pk, &share.buf, msgpack_sbuffer_write);
	term_diff_write(old, new, &pk);
	struct entry *e = slot();
	/* Snapshots are immutable: the references only keep the addresses from reuse. */
	e->old = old != NULL ? term_snapshot_ref((term_snapshot *)old) : NULL;
	e->new = term_snapshot_ref((term_snapshot *)new);
	e->len = share.buf.size;
	e->bytes = xmalloc(e->len > 0 ? e->len : 1);
	memcpy(e->bytes, share.buf.data, e->len);
	share.stats.computed++;
	return e;
}

void term_diff_share_write(const term_snapshot *old, const term_snapshot *new,
			   msgpack_packer *pk)
{
	if (!share.on) {
		term_diff_write(old, new, pk);
		return;
	}
	struct entry *e = find(old, new);
	if (e != NULL)
		share.stats.copied++;
	else
		e = compute(old, new);
	e->used = ++share.uses;
	/* The bytes are one whole msgpack value, as term_diff_write would have packed. */
	pk->callback(pk->data, (const char *)e->bytes, e->len);
}

struct term_diff_share_stats term_diff_share_stats(void)
{
	return share.stats;
}
