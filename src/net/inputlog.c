/* The input log as a sync state (format: docs/protocol.md). */
#include "inputlog.h"

#include <stdlib.h>
#include <string.h>

#include "util/xmalloc.h"

/* Events are shared between the log and its states, so a snapshot copies pointers. */
struct event {
	uint32_t refs;
	uint32_t len;
	uint8_t bytes[];
};

struct inputlog_state {
	uint32_t refs;
	uint64_t first, end;
	struct event **ev; /* end - first of them */
};

struct inputlog {
	uint64_t first, end;
	struct event **ev; /* end - first of them */
	size_t cap;
	size_t bytes;
	inputlog_state *snap; /* the last snapshot, while the log's first has not changed */
};

static struct event *event_new(const void *bytes, size_t len)
{
	struct event *e = xmalloc(sizeof *e + len);
	e->refs = 1;
	e->len = (uint32_t)len;
	memcpy(e->bytes, bytes, len);
	return e;
}

static void event_unref(struct event *e)
{
	if (--e->refs == 0)
		free(e);
}

static inputlog_state *state_new(uint64_t first, uint64_t end)
{
	inputlog_state *s = xcalloc(1, sizeof *s);
	s->refs = 1;
	s->first = first;
	s->end = end;
	s->ev = xreallocarray(NULL, end - first + 1, sizeof *s->ev);
	return s;
}

inputlog_state *inputlog_state_empty(void)
{
	return state_new(0, 0);
}

inputlog_state *inputlog_state_ref(inputlog_state *s)
{
	s->refs++;
	return s;
}

void inputlog_state_unref(inputlog_state *s)
{
	if (s == NULL || --s->refs > 0)
		return;
	for (uint64_t i = 0; i < s->end - s->first; i++)
		event_unref(s->ev[i]);
	free(s->ev);
	free(s);
}

uint64_t inputlog_state_first(const inputlog_state *s)
{
	return s->first;
}

uint64_t inputlog_state_end(const inputlog_state *s)
{
	return s->end;
}

bool inputlog_state_next(const inputlog_state *s, uint64_t *next, const uint8_t **ev,
			 size_t *len)
{
	if (*next < s->first)
		abort();
	if (*next >= s->end)
		return false;
	const struct event *e = s->ev[*next - s->first];
	*ev = e->bytes;
	*len = e->len;
	(*next)++;
	return true;
}

static void *ops_ref(void *s)
{
	return inputlog_state_ref(s);
}

static void ops_unref(void *s)
{
	inputlog_state_unref(s);
}

static bool ops_equal(const void *a, const void *b)
{
	return ((const inputlog_state *)a)->end == ((const inputlog_state *)b)->end;
}

/* [from's end, [event (bin), ...]]: to holds every event after from's end. */
static void ops_diff(const void *from_, const void *to_, msgpack_packer *pk)
{
	const inputlog_state *from = from_, *to = to_;
	if (from->end < to->first || from->end > to->end)
		abort(); /* the sync layer diffs only from a state the receiver may hold */
	msgpack_pack_array(pk, 2);
	msgpack_pack_uint64(pk, from->end);
	msgpack_pack_array(pk, (size_t)(to->end - from->end));
	for (uint64_t i = from->end; i < to->end; i++) {
		const struct event *e = to->ev[i - to->first];
		msgpack_pack_bin(pk, e->len);
		msgpack_pack_bin_body(pk, e->bytes, e->len);
	}
}

static void *ops_apply(const void *from_, mp_reader *r, const char **err)
{
	const inputlog_state *from = from_;
	uint32_t n;
	uint64_t base_end;
	mp_read_array(r, 2, 2, &n);
	if (mp_read_uint(r, UINT64_MAX, &base_end) && base_end != from->end)
		mp_fail(r, "input log diff for another base");
	if (!mp_read_array(r, 0, INPUTLOG_PENDING_EVENTS, &n)) {
		*err = r->error;
		return NULL;
	}
	inputlog_state *s = state_new(from->end, from->end + n);
	size_t bytes = 0;
	uint32_t i;
	for (i = 0; i < n; i++) {
		const uint8_t *ev;
		uint32_t len;
		if (!mp_read_bin(r, INPUTLOG_EVENT_MAX, &ev, &len))
			break;
		bytes += len;
		if (bytes > INPUTLOG_PENDING_BYTES) {
			mp_fail(r, "input log diff too large");
			break;
		}
		s->ev[i] = event_new(ev, len);
	}
	if (i < n) {
		s->end = s->first + i; /* free what was built */
		inputlog_state_unref(s);
		*err = r->error;
		return NULL;
	}
	return s;
}

const sync_state_ops inputlog_ops = {
	.ref = ops_ref,
	.unref = ops_unref,
	.equal = ops_equal,
	.diff = ops_diff,
	.apply = ops_apply,
};

inputlog *inputlog_new(void)
{
	return xcalloc(1, sizeof(inputlog));
}

void inputlog_free(inputlog *log)
{
	if (log == NULL)
		return;
	inputlog_acked(log, log->end);
	inputlog_state_unref(log->snap);
	free(log->ev);
	free(log);
}

static void forget_snapshot(inputlog *log)
{
	inputlog_state_unref(log->snap);
	log->snap = NULL;
}

enum inputlog_status inputlog_append(inputlog *log, const void *ev, size_t len)
{
	if (len > INPUTLOG_EVENT_MAX)
		return INPUTLOG_TOO_BIG;
	size_t n = log->end - log->first;
	if (n >= INPUTLOG_PENDING_EVENTS || log->bytes + len > INPUTLOG_PENDING_BYTES)
		return INPUTLOG_FULL;
	if (n == log->cap) {
		log->cap = log->cap ? 2 * log->cap : 16;
		log->ev = xreallocarray(log->ev, log->cap, sizeof *log->ev);
	}
	log->ev[n] = event_new(ev, len);
	log->end++;
	log->bytes += len;
	return INPUTLOG_OK;
}

void inputlog_acked(inputlog *log, uint64_t end)
{
	if (end > log->end)
		end = log->end;
	if (end <= log->first)
		return;
	size_t drop = end - log->first, n = log->end - log->first;
	for (size_t i = 0; i < drop; i++) {
		log->bytes -= log->ev[i]->len;
		event_unref(log->ev[i]);
	}
	memmove(log->ev, log->ev + drop, (n - drop) * sizeof *log->ev);
	log->first = end;
	forget_snapshot(log);
}

inputlog_state *inputlog_snapshot(inputlog *log, size_t window)
{
	size_t n = 0, bytes = 0;
	while (log->first + n < log->end && (n == 0 || bytes + log->ev[n]->len <= window))
		bytes += log->ev[n++]->len;
	if (log->snap == NULL || log->snap->end != log->first + n) {
		forget_snapshot(log);
		log->snap = state_new(log->first, log->first + n);
		for (uint64_t i = 0; i < n; i++) {
			log->snap->ev[i] = log->ev[i];
			log->ev[i]->refs++;
		}
	}
	return inputlog_state_ref(log->snap);
}

size_t inputlog_pending_events(const inputlog *log)
{
	return log->end - log->first;
}

size_t inputlog_pending_bytes(const inputlog *log)
{
	return log->bytes;
}
