/*
 * The client's view and its diff: over random views (1-6 panes, additions, removals,
 * moves, resizes, zoom, status, echo and notice changes) a diff applied to its base gives
 * the new view, also from the blank view; a scroll in one pane of a split window costs
 * that pane's diff and a few bytes; hostile diffs are refused with a reason; views
 * converge through the sync layer over a lossy simulated link; the documented example
 * holds byte for byte.
 */
#include "term/view_wire.h"

#include "check.h"
#include "net/sync_link.h"
#include "random_screen.h"
#include "sync_sim.h"
#include "term/wire.h"
#include "util/xmalloc.h"

struct rect {
	unsigned x, y, w, h;
};

/* The diff's bytes, in buf (which the caller destroys). */
static void encode_view_diff(const term_view *from, const term_view *to,
			     msgpack_sbuffer *buf)
{
	msgpack_packer pk;
	msgpack_sbuffer_init(buf);
	msgpack_packer_init(&pk, buf, msgpack_sbuffer_write);
	term_view_diff(from, to, &pk);
}

/* Applies the bytes to from, requiring every byte read; NULL with *err if refused. */
static term_view *apply_bytes(const term_view *from, const void *buf, size_t len,
			      const char **err)
{
	mp_reader r;
	mp_reader_init(&r, buf, len);
	term_view *v = term_view_apply(from, &r, err);
	if (v != NULL && !mp_finish(&r)) {
		*err = r.error;
		term_view_unref(v);
		return NULL;
	}
	return v;
}

/* s at another size, sharing its rows, as a resized pane shows it. */
static term_snapshot *fit(const term_snapshot *s, unsigned rows, unsigned cols)
{
	if (s->rows == rows && s->cols == cols)
		return term_snapshot_ref((term_snapshot *)s);
	term_snapshot *t = term_snapshot_new(rows, cols);
	for (unsigned r = 0; r < rows && r < s->rows; r++) {
		term_row_unref(t->lines[r]);
		t->lines[r] = term_row_ref(s->lines[r]);
	}
	t->cursor = s->cursor;
	t->cursor.row = (uint16_t)(s->cursor.row < rows ? s->cursor.row : rows - 1);
	t->cursor.col = (uint16_t)(s->cursor.col <= cols ? s->cursor.col : cols);
	t->modes = s->modes;
	t->bells = s->bells;
	term_snapshot_set_title(t, s->title, strlen(s->title));
	return t;
}

/* Up to n rectangles tiling area with one-cell borders, by splitting as tmux does. */
static unsigned random_layout(rng *g, struct rect area, unsigned n, struct rect *out)
{
	unsigned k = 1;
	out[0] = area;
	for (unsigned tries = 0; k < n && tries < 4 * n; tries++) {
		struct rect *a = &out[rng_below(g, k)], *b = &out[k];
		bool across = a->w >= 3 && (a->h < 3 || rng_below(g, 2));
		if (across) {
			unsigned left = 1 + rng_below(g, a->w - 2);
			*b = (struct rect){ a->x + left + 1, a->y, a->w - left - 1, a->h };
			a->w = left;
		} else if (a->h >= 3) {
			unsigned top = 1 + rng_below(g, a->h - 2);
			*b = (struct rect){ a->x, a->y + top + 1, a->w, a->h - top - 1 };
			a->h = top;
		} else {
			continue;
		}
		k++;
	}
	return k;
}

struct model {
	rng g;
	uint32_t next_id;
	term_view *cur;
};

/* The area panes may take: all but the status line. */
static struct rect pane_area(const term_view *v)
{
	return (struct rect){ 0, 0, v->cols, v->rows - v->status->rows };
}

/* New panes laid out afresh over area: some old ones kept (moved, resized), some new. */
static void relayout(struct model *m, term_view *v, const term_view *old, struct rect area,
		     unsigned n)
{
	struct rect rects[6];
	n = random_layout(&m->g, area, n, rects);
	v->panes = xreallocarray(v->panes, n, sizeof *v->panes);
	v->npanes = (uint16_t)n;
	unsigned first = old->npanes ? rng_below(&m->g, old->npanes) : 0;
	for (unsigned i = 0; i < n; i++) {
		term_view_pane *p = &v->panes[i];
		*p = (term_view_pane){0};
		p->x = (uint16_t)rects[i].x;
		p->y = (uint16_t)rects[i].y;
		if (i < old->npanes && rng_below(&m->g, 4)) {
			const term_view_pane *o = &old->panes[(first + i) % old->npanes];
			p->id = o->id;
			p->screen = fit(o->screen, rects[i].h, rects[i].w);
		} else {
			p->id = m->next_id++;
			p->screen = random_screen(&m->g, rects[i].h, rects[i].w);
		}
	}
	v->active = (uint16_t)rng_below(&m->g, n);
}

static void change_size(struct model *m, term_view *v)
{
	v->cols = (uint16_t)(2 + rng_below(&m->g, 100));
	v->rows = (uint16_t)(3 + rng_below(&m->g, 40));
	term_snapshot *status = rng_below(&m->g, 4) ? random_screen(&m->g, 1, v->cols)
						     : term_snapshot_new(0, v->cols);
	term_view_set_status(v, status);
	term_snapshot_unref(status);
}

static void change_screens(struct model *m, term_view *v)
{
	for (unsigned k = 1 + rng_below(&m->g, 2); k > 0; k--) {
		term_view_pane *p = &v->panes[rng_below(&m->g, v->npanes)];
		term_snapshot *c = random_change(&m->g, p->screen);
		term_snapshot *f = fit(c, p->screen->rows, p->screen->cols);
		term_snapshot_unref(c);
		term_snapshot_unref(p->screen);
		p->screen = f;
	}
}

/* The next view: one or two random changes of the current one. */
static term_view *next_view(struct model *m)
{
	const term_view *old = m->cur;
	term_view *v = term_view_clone(old);
	for (unsigned k = 1 + rng_below(&m->g, 2); k > 0; k--) {
		switch (rng_below(&m->g, 8)) {
		case 0:
			change_size(m, v);
			/* the panes must fit the new size */
			/* fall through */
		case 1:
			for (unsigned i = 0; i < v->npanes; i++)
				term_snapshot_unref(v->panes[i].screen);
			relayout(m, v, old, pane_area(v), 1 + rng_below(&m->g, 6));
			break;
		case 2: { /* zoom the active pane, or unzoom */
			term_view_pane keep = v->panes[v->active];
			for (unsigned i = 0; i < v->npanes; i++)
				if (i != v->active)
					term_snapshot_unref(v->panes[i].screen);
			struct rect a = pane_area(v);
			v->npanes = 1;
			v->active = 0;
			v->panes[0] = (term_view_pane){.id = keep.id,
						       .screen = fit(keep.screen, a.h, a.w)};
			term_snapshot_unref(keep.screen);
			break;
		}
		case 3:
		case 4:
			change_screens(m, v);
			break;
		case 5: {
			if (v->status->rows == 0)
				break;
			term_snapshot *s = random_change(&m->g, v->status);
			term_snapshot *f = fit(s, v->status->rows, v->cols);
			term_view_set_status(v, f);
			term_snapshot_unref(f);
			term_snapshot_unref(s);
			break;
		}
		case 6:
			v->echo_events += rng_below(&m->g, 3);
			v->echo_ms += rng_below(&m->g, 1000);
			v->tty_echo = rng_below(&m->g, 2);
			v->active = (uint16_t)rng_below(&m->g, v->npanes);
			break;
		case 7: {
			char notice[32];
			int len = snprintf(notice, sizeof notice, "pane %u exited",
					   rng_below(&m->g, 100));
			unsigned which = rng_below(&m->g, 3);
			size_t used = rng_below(&m->g, 3) ? (size_t)len : 0;
			if (which == 0)
				term_view_set_notice(v, notice, used);
			else if (which == 1)
				term_view_set_ended(v, notice, used);
			else
				term_view_set_title(v, notice, used);
			break;
		}
		}
	}
	const char *err;
	CHECKF(term_view_check(v, &err), "generated view: %s", err);
	return v;
}

static void model_init(struct model *m, uint64_t seed)
{
	rng_seed(&m->g, seed);
	m->next_id = 1;
	term_view *blank = term_view_new(0, 0, 0);
	m->cur = term_view_new(0, 0, 0);
	change_size(m, m->cur);
	relayout(m, m->cur, blank, pane_area(m->cur), 1 + rng_below(&m->g, 6));
	term_view_unref(blank);
}

static void model_step(struct model *m)
{
	term_view *v = next_view(m);
	term_view_unref(m->cur);
	m->cur = v;
}

/* diff(a, b) applied to a gives b, through the bytes; so does b's diff from blank. */
static void check_roundtrip(const term_view *a, const term_view *b, unsigned long seed)
{
	msgpack_sbuffer buf;
	const char *err = NULL;
	encode_view_diff(a, b, &buf);
	term_view *got = apply_bytes(a, buf.data, buf.size, &err);
	CHECKF(got != NULL, "seed %lu: refused: %s", seed, err);
	CHECKF(term_view_equal(got, b), "seed %lu: applied diff differs", seed);
	term_view_unref(got);
	msgpack_sbuffer_destroy(&buf);
}

static void test_random(unsigned long seed, unsigned steps)
{
	struct model m;
	model_init(&m, seed);
	term_view *blank = term_view_new(0, 0, 0);
	check_roundtrip(blank, m.cur, seed);
	for (unsigned i = 0; i < steps; i++) {
		term_view *prev = term_view_ref(m.cur);
		model_step(&m);
		check_roundtrip(prev, m.cur, seed);
		check_roundtrip(m.cur, prev, seed);
		check_roundtrip(blank, m.cur, seed);
		check_roundtrip(m.cur, m.cur, seed);
		term_view_unref(prev);
	}
	term_view_unref(blank);
	term_view_unref(m.cur);
}

/* A view of two panes side by side and a status line, all filled. */
static term_view *split_view(rng *g, unsigned cols, unsigned rows)
{
	term_view *v = term_view_new(cols, rows, 2);
	unsigned left = cols / 2;
	v->panes[0] = (term_view_pane){.id = 7, .screen = random_screen(g, rows - 1, left)};
	v->panes[1] = (term_view_pane){.id = 9, .x = (uint16_t)(left + 1),
				       .screen = random_screen(g, rows - 1, cols - left - 1)};
	term_snapshot *status = random_screen(g, 1, cols);
	term_view_set_status(v, status);
	term_snapshot_unref(status);
	return v;
}

/*
 * Cost rule: k lines scrolled into one pane of a split window cost that pane's screen
 * diff (one copy op and k new rows) and a few bytes of view, whatever the other pane holds.
 */
static void test_scroll_cost(unsigned long seed)
{
	rng g;
	rng_seed(&g, seed);
	term_view *a = split_view(&g, 201, 50);
	for (unsigned k = 1; k < 10; k++) {
		term_view *b = term_view_clone(a);
		const term_snapshot *old = a->panes[0].screen;
		term_snapshot *s = term_snapshot_clone(old), *fresh = term_snapshot_new(k, s->cols);
		for (unsigned r = 0; r < s->rows; r++) {
			term_row_unref(s->lines[r]);
			if (r + k < s->rows) {
				s->lines[r] = term_row_ref(old->lines[r + k]);
			} else {
				s->lines[r] = random_row(&g, s->cols);
				term_row_unref(fresh->lines[r + k - s->rows]);
				fresh->lines[r + k - s->rows] = term_row_ref(s->lines[r]);
			}
		}
		term_snapshot_unref(b->panes[0].screen);
		b->panes[0].screen = s;

		/* The new rows alone, sent whole, against the whole view's diff. */
		msgpack_sbuffer rows, view;
		term_diff *d = term_diff_compute(NULL, fresh);
		encode_diff(d, &rows);
		encode_view_diff(a, b, &view);
		CHECKF(view.size <= rows.size + 32, "seed %lu k %u: view %zu bytes, new rows %zu",
		       seed, k, view.size, rows.size);
		check_roundtrip(a, b, seed);
		msgpack_sbuffer_destroy(&rows);
		msgpack_sbuffer_destroy(&view);
		term_diff_free(d);
		term_snapshot_unref(fresh);
		term_view_unref(b);
	}
	/* Nothing changed: the panes' ids and places only. */
	msgpack_sbuffer same;
	encode_view_diff(a, a, &same);
	CHECKF(same.size <= 16, "unchanged view: %zu bytes", same.size);
	msgpack_sbuffer_destroy(&same);
	term_view_unref(a);
}

static void pack_blank_screen(msgpack_packer *pk, unsigned rows, unsigned cols)
{
	term_snapshot *s = term_snapshot_new(rows, cols);
	term_diff_write(NULL, s, pk);
	term_snapshot_unref(s);
}

/* [cols, rows, [...] (npanes entries follow, packed by the caller) */
static void pack_head(msgpack_packer *pk, unsigned fields, unsigned cols, unsigned rows,
		      unsigned npanes)
{
	msgpack_pack_array(pk, fields);
	msgpack_pack_uint32(pk, cols);
	msgpack_pack_uint32(pk, rows);
	msgpack_pack_array(pk, npanes);
}

/* The head of a 21x6 view of fields fields with no panes, then skip fields left out (nil). */
static void pack_blank_head(msgpack_packer *pk, unsigned fields, unsigned skip)
{
	pack_head(pk, fields, 21, 6, 0);
	for (unsigned i = 0; i < skip; i++)
		msgpack_pack_nil(pk);
}

static void pack_pane_head(msgpack_packer *pk, bool screen, uint32_t id, unsigned x,
			   unsigned y)
{
	msgpack_pack_array(pk, 3 + screen);
	msgpack_pack_uint32(pk, id);
	msgpack_pack_uint32(pk, x);
	msgpack_pack_uint32(pk, y);
}

/* The bytes in buf must be refused with a reason containing why; buf is emptied. */
static void refuse(const term_view *base, msgpack_sbuffer *buf, const char *why)
{
	const char *err = NULL;
	term_view *v = apply_bytes(base, buf->data, buf->size, &err);
	CHECKF(v == NULL, "accepted, expected \"%s\"", why);
	CHECKF(err != NULL && strstr(err, why) != NULL, "refused with \"%s\", expected \"%s\"",
	       err ? err : "(null)", why);
	msgpack_sbuffer_clear(buf);
}

/* Diffs that break the view's rules, onto a 21x6 base with panes 7 (10x5 at 0,0) and 9
 * (10x5 at 11,0) and a status line. */
static void test_hostile(void)
{
	rng g;
	rng_seed(&g, 5);
	term_view *base = split_view(&g, 21, 6);
	msgpack_sbuffer buf;
	msgpack_packer pk;
	msgpack_sbuffer_init(&buf);
	msgpack_packer_init(&pk, &buf, msgpack_sbuffer_write);

	pack_head(&pk, 3, 21, 6, 2);
	pack_pane_head(&pk, false, 7, 0, 0);
	pack_pane_head(&pk, true, 1, 5, 1);
	pack_blank_screen(&pk, 2, 2);
	refuse(base, &buf, "overlap");

	pack_head(&pk, 3, 21, 6, 2);
	pack_pane_head(&pk, false, 7, 0, 0);
	pack_pane_head(&pk, false, 7, 11, 0);
	refuse(base, &buf, "duplicate");

	pack_head(&pk, 3, 1000, 1000, TERM_VIEW_MAX_PANES + 1);
	for (unsigned i = 0; i <= TERM_VIEW_MAX_PANES; i++) {
		pack_pane_head(&pk, true, i, i, 0);
		pack_blank_screen(&pk, 1, 1);
	}
	refuse(base, &buf, "");

	pack_head(&pk, 3, 21, 6, 1);
	pack_pane_head(&pk, false, 7, 15, 0);
	refuse(base, &buf, "outside");

	pack_head(&pk, 3, 21, 6, 1); /* over the status line */
	pack_pane_head(&pk, true, 3, 0, 0);
	pack_blank_screen(&pk, 6, 4);
	refuse(base, &buf, "outside");

	pack_head(&pk, 3, 21, 6, 1); /* checked before the screen is made */
	pack_pane_head(&pk, true, 3, 0, 0);
	pack_blank_screen(&pk, 1000, 1000);
	refuse(base, &buf, "outside");

	pack_head(&pk, 3, 21, 6, 1);
	pack_pane_head(&pk, true, 3, 0, 0);
	pack_blank_screen(&pk, 0, 0);
	refuse(base, &buf, "empty");

	pack_head(&pk, 3, 21, 6, 1);
	pack_pane_head(&pk, false, 99, 0, 0);
	refuse(base, &buf, "not in the base");

	pack_head(&pk, 4, 21, 6, 1);
	pack_pane_head(&pk, false, 7, 0, 0);
	msgpack_pack_uint32(&pk, 1);
	refuse(base, &buf, "active");

	pack_head(&pk, 5, 21, 6, 0);
	msgpack_pack_nil(&pk);
	pack_blank_screen(&pk, TERM_VIEW_MAX_STATUS + 1, 21);
	refuse(base, &buf, "status");

	pack_head(&pk, 3, 20, 6, 0); /* the status line no longer fits */
	refuse(base, &buf, "status");

	pack_blank_head(&pk, 7, 3);
	msgpack_pack_str_with_body(&pk, "a\0b", 3);
	refuse(base, &buf, "NUL");
	/* A notice and an end line from a hostile server arrive with their control
	 * characters (C1 too) escaped: the client prints them on the user's terminal. */
	pack_blank_head(&pk, 8, 3);
	msgpack_pack_str_with_body(&pk, "\033]52;c;cHdu\007", 12);
	msgpack_pack_str_with_body(&pk, "bye\xc2\x9b" "2J\n", 8);
	const char *err = NULL;
	term_view *shown = apply_bytes(base, buf.data, buf.size, &err);
	CHECKF(shown != NULL, "refused: %s", err);
	CHECKF(strcmp(shown->notice, "\\033]52;c;cHdu\\007") == 0, "%s", shown->notice);
	CHECKF(strcmp(shown->ended, "bye\\302\\2332J\\012") == 0, "%s", shown->ended);
	term_view_unref(shown);
	msgpack_sbuffer_clear(&buf);

	char longer[TERM_VIEW_MAX_NOTICE + 1];
	memset(longer, 'x', sizeof longer);
	pack_blank_head(&pk, 7, 3);
	msgpack_pack_str_with_body(&pk, longer, sizeof longer);
	refuse(base, &buf, "");

	/* Wrong types and shapes. */
	msgpack_pack_array(&pk, 3);
	msgpack_pack_str_with_body(&pk, "21", 2);
	refuse(base, &buf, "");
	pack_head(&pk, 3, 21, 6, 1);
	msgpack_pack_uint32(&pk, 7);
	refuse(base, &buf, "");
	msgpack_pack_array(&pk, 3);
	msgpack_pack_uint32(&pk, 21);
	msgpack_pack_uint32(&pk, 6);
	msgpack_pack_map(&pk, 0);
	refuse(base, &buf, "");
	pack_head(&pk, 6, 21, 6, 0);
	msgpack_pack_nil(&pk);
	msgpack_pack_nil(&pk);
	msgpack_pack_uint32(&pk, 5);
	refuse(base, &buf, "");
	pack_blank_head(&pk, 8, 4); /* an end line with a NUL */
	msgpack_pack_str_with_body(&pk, "a\0b", 3);
	refuse(base, &buf, "NUL");
	pack_blank_head(&pk, 23, 20); /* more fields than there are */
	refuse(base, &buf, "");
	pack_blank_head(&pk, 16, 12); /* look: border lines past the last kind */
	msgpack_pack_array(&pk, 3);
	msgpack_pack_false(&pk);
	msgpack_pack_uint8(&pk, TERM_VIEW_LINES_NUMBER + 1);
	msgpack_pack_array(&pk, 0);
	refuse(base, &buf, "");
	pack_blank_head(&pk, 15, 11); /* names: one missing */
	msgpack_pack_array(&pk, TERM_VIEW_NAMES - 1);
	for (int i = 0; i < TERM_VIEW_NAMES - 1; i++)
		msgpack_pack_str_with_body(&pk, "x", 1);
	refuse(base, &buf, "");
	pack_blank_head(&pk, 14, 10); /* a word to run with a NUL */
	msgpack_pack_array(&pk, 2);
	msgpack_pack_uint32(&pk, 1);
	msgpack_pack_array(&pk, 1);
	msgpack_pack_bin_with_body(&pk, "a\0b", 3);
	refuse(base, &buf, "NUL");
	pack_blank_head(&pk, 13, 9); /* key tables cut short */
	msgpack_pack_array(&pk, 7);
	msgpack_pack_uint32(&pk, 1);
	refuse(base, &buf, "");
	pack_blank_head(&pk, 11, 7); /* set-clipboard past its choices */
	msgpack_pack_array(&pk, 3);
	msgpack_pack_uint32(&pk, 1);
	msgpack_pack_true(&pk);
	msgpack_pack_uint32(&pk, 3);
	refuse(base, &buf, "");
	pack_blank_head(&pk, 12, 8); /* a terminal title with a NUL */
	msgpack_pack_str_with_body(&pk, "a\0b", 3);
	refuse(base, &buf, "NUL");
	pack_blank_head(&pk, 10, 6); /* a page whose answer has two fields */
	msgpack_pack_array(&pk, 5);
	for (int i = 0; i < 3; i++)
		msgpack_pack_uint32(&pk, 1);
	msgpack_pack_array(&pk, 0);
	msgpack_pack_array(&pk, 2);
	msgpack_pack_uint32(&pk, 1);
	msgpack_pack_uint32(&pk, 1);
	refuse(base, &buf, "search answer");
	pack_blank_head(&pk, 10, 6); /* a page line with a flag that does not exist */
	msgpack_pack_array(&pk, 4);
	for (int i = 0; i < 3; i++)
		msgpack_pack_uint32(&pk, 1);
	msgpack_pack_array(&pk, 1);
	msgpack_pack_array(&pk, 1);
	msgpack_pack_uint32(&pk, 2);
	refuse(base, &buf, "");
	pack_blank_head(&pk, 9, 5); /* tty_echo not a boolean */
	msgpack_pack_uint32(&pk, 1);
	refuse(base, &buf, "");
	pack_head(&pk, 3, 1001, 6, 0);
	refuse(base, &buf, "");
	pack_head(&pk, 3, 21, 6, 1);
	msgpack_pack_array(&pk, 4);
	msgpack_pack_int32(&pk, -7);
	refuse(base, &buf, "");

	msgpack_sbuffer_destroy(&buf);
	term_view_unref(base);
}

/* Every strict prefix of a diff is refused, and so are trailing bytes. */
static void test_truncation(unsigned long seed)
{
	struct model m;
	model_init(&m, seed);
	model_step(&m);
	term_view *blank = term_view_new(0, 0, 0);
	msgpack_sbuffer buf;
	const char *err;
	encode_view_diff(blank, m.cur, &buf);
	for (size_t len = 0; len < buf.size; len++)
		CHECKF(apply_bytes(blank, buf.data, len, &err) == NULL,
		       "seed %lu: prefix of %zu bytes accepted", seed, len);
	msgpack_sbuffer_write(&buf, "\xc0", 1);
	CHECK(apply_bytes(blank, buf.data, buf.size, &err) == NULL);
	msgpack_sbuffer_destroy(&buf);
	term_view_unref(blank);
	term_view_unref(m.cur);
}

/* The server (end 0) ships its view to the client (end 1). */
struct world {
	struct sim sim;
	sync_link *link[2];
	struct model server;
	unsigned news;
};

static void on_receive(void *arg, int end, enum sync_result res)
{
	struct world *w = arg;
	if (end != 1 || res != SYNC_NEW)
		return;
	const char *err;
	CHECKF(term_view_check(sync_link_remote(w->link[1], NULL), &err), "%s", err);
	w->news++;
}

static bool converged(void *arg)
{
	struct world *w = arg;
	return term_view_equal(sync_link_remote(w->link[1], NULL), w->server.cur) &&
	       sync_link_settled(w->link[0]);
}

/* Changes every few tens of ms for 10 simulated seconds under loss, then a clear link:
 * the client must show the server's newest view within 5 s. */
static void test_converge(unsigned loss, unsigned long seed)
{
	struct world w;
	memset(&w, 0, sizeof w);
	model_init(&w.server, seed);
	term_view *blank = term_view_new(0, 0, 0);
	for (int i = 0; i < 2; i++)
		w.link[i] = sync_link_new(&term_view_sync_ops, blank, &term_view_sync_ops, blank);
	term_view_unref(blank);
	sim_init(&w.sim, seed, w.link[0], w.link[1]);
	w.sim.on_receive = on_receive;
	w.sim.arg = &w;
	for (int i = 0; i < 2; i++)
		w.sim.imp[i] = (struct sim_impair){
			.loss = loss, .dup = 10, .reorder = 10, .delay_ms = 40, .jitter_ms = 20 };
	sync_link_set_local(w.link[0], w.server.cur);
	while (w.sim.now < 10000) {
		sim_run(&w.sim, w.sim.now + sim_rand(&w.sim) % 80);
		model_step(&w.server);
		sync_link_set_local(w.link[0], w.server.cur);
	}
	for (int i = 0; i < 2; i++)
		w.sim.imp[i] = (struct sim_impair){ .delay_ms = 40 };
	CHECKF(sim_run_until(&w.sim, w.sim.now + 5000, converged, &w),
	       "seed %lu loss %u%%: not converged", seed, loss);
	CHECKF(w.news > 0, "seed %lu: nothing arrived", seed);
	sim_free(&w.sim);
	for (int i = 0; i < 2; i++)
		sync_link_free(w.link[i]);
	term_view_unref(w.server.cur);
}

/* The example of docs/protocol.md, "View", byte for byte. */
static void test_doc_example(void)
{
	term_view *a = term_view_new(81, 25, 2);
	a->panes[0] = (term_view_pane){.id = 1, .screen = term_snapshot_new(24, 40)};
	a->panes[1] = (term_view_pane){.id = 2, .x = 41, .screen = term_snapshot_new(24, 40)};
	term_snapshot *status = term_snapshot_new(1, 81);
	term_view_set_status(a, status);
	term_snapshot_unref(status);
	term_view *b = term_view_clone(a);
	term_snapshot *s = term_snapshot_clone(b->panes[1].screen);
	put_text(s, 0, 0, "x");
	s->cursor.col = 1;
	term_snapshot_unref(b->panes[1].screen);
	b->panes[1].screen = s;
	b->echo_events = 5;
	b->echo_ms = 1000;
	static const uint8_t doc[] = {
		0x96, 0x51, 0x19, 0x92, 0x93, 0x01, 0x00, 0x00, 0x94, 0x02, 0x29, 0x00, 0x94, 0x18,
		0x28, 0x92, 0x92, 0x02, 0xa1, 0x78, 0x92, 0x01, 0x17, 0x93, 0x00, 0x01, 0x05, 0xc0,
		0xc0, 0x92, 0x05, 0xcd, 0x03, 0xe8,
	};
	msgpack_sbuffer buf;
	encode_view_diff(a, b, &buf);
	CHECK(buf.size == sizeof doc && memcmp(buf.data, doc, sizeof doc) == 0);
	check_roundtrip(a, b, 0);
	msgpack_sbuffer_destroy(&buf);
	term_view_unref(a);
	term_view_unref(b);
}

/* Panes' history and a page of it: round trips, unchanged pages cost nothing, refusals. */
static void test_history(void)
{
	term_view *a = term_view_new(21, 6, 1);
	a->panes[0] = (term_view_pane){.id = 7, .screen = term_snapshot_new(5, 10)};
	term_view *b = term_view_clone(a);
	b->panes[0].hist_total = 100;
	b->panes[0].hist_len = 50;
	b->panes[0].hist_epoch = 3;
	b->panes[0].hist_limit = 2000;
	term_histpage *p = term_histpage_new(7, 3, 90, 2);
	p->lines[0] = term_row_new(0);
	p->lines[1] = term_row_new(0);
	term_cell cell = term_cell_blank();
	cell.fg = TERM_COLOUR_PALETTE(2);
	for (uint32_t i = 0, ch = 'x'; i < 3; i++, ch++)
		term_row_set(p->lines[1], i, &cell, &ch, 1);
	p->lines[0]->wrapped = true; /* its flag travels (and counts in equality) */
	p->answer = p->found = true;
	p->serial = 5;
	p->line = 95;
	p->col = 2;
	term_view_set_page(b, p);
	term_histpage_unref(p);
	b->mode_keys = 1;
	b->mouse = true;
	b->clipboard = 2;
	check_roundtrip(a, b, 0);
	check_roundtrip(b, a, 0);
	term_view *blank = term_view_new(0, 0, 0);
	check_roundtrip(blank, b, 0);
	term_view *c = term_view_clone(b); /* the same page: it costs nothing */
	msgpack_sbuffer buf;
	encode_view_diff(b, c, &buf);
	CHECK(buf.size == 8); /* [21, 6, [[7, 0, 0]]] */
	msgpack_sbuffer_destroy(&buf);
	/* A history longer than its numbering is refused. */
	const char *err = NULL;
	static const uint8_t longer[] = {0x93, 0x15, 0x06, 0x91, 0x95, 0x07, 0x00, 0x00, 0xc0,
					 0x93, 0x00, 0x01, 0x02};
	CHECK(apply_bytes(b, longer, sizeof longer, &err) == NULL &&
	      strcmp(err, "history longer than its numbering") == 0);
	/* An older server's [epoch, total, len]: the limit is the default. */
	static const uint8_t three[] = {0x93, 0x15, 0x06, 0x91, 0x95, 0x07, 0x00, 0x00, 0xc0,
					0x93, 0x00, 0x05, 0x02};
	term_view *old = apply_bytes(b, three, sizeof three, &err);
	CHECKF(old != NULL && old->panes[0].hist_limit == TERM_SCROLLBACK_DEFAULT &&
	       old->panes[0].hist_len == 2, "%s", err ? err : "");
	term_view_unref(old);
	term_view_unref(blank);
	term_view_unref(a);
	term_view_unref(b);
	term_view_unref(c);
}

/* The client's fields: key tables only when their generation moved, a run request once
 * per serial, the names. */
static void test_client_fields(void)
{
	term_view *blank = term_view_new(0, 0, 0), *v = term_view_new(10, 3, 0);
	key_tables *kt = key_tables_new();
	term_key x = {.code = TERM_KEY_CHAR, .ch = 'x'};
	char *words[] = {"command-prompt", "-p", "a;"}, *cause = NULL;
	CHECK(key_tables_bind(kt, "prefix", &x, true, "note", 3, words, &cause) == 0);
	kt->gen = 4;
	term_view_set_keys(v, kt);
	term_view_set_run(v, 2, 3, words);
	term_view_set_name(v, TERM_VIEW_WINDOW_NAME, "vim", 3);
	msgpack_sbuffer buf;
	msgpack_packer pk;
	msgpack_sbuffer_init(&buf);
	msgpack_packer_init(&pk, &buf, msgpack_sbuffer_write);
	term_view_diff(blank, v, &pk);
	const char *err = NULL;
	term_view *got = apply_bytes(blank, buf.data, buf.size, &err);
	CHECKF(got != NULL, "%s", err);
	CHECK(term_view_equal(got, v) && got->keys != NULL && got->keys->gen == 4);
	CHECK(key_tables_lookup(got->keys, "prefix", &x)->repeat);
	CHECK(got->run_serial == 2 && got->run_argc == 3 && strcmp(got->run_argv[2], "a;") == 0);
	CHECK(strcmp(got->names[TERM_VIEW_WINDOW_NAME], "vim") == 0);
	/* The same generation again costs nothing: no field changed. */
	term_view *same = term_view_clone(v);
	msgpack_sbuffer_clear(&buf);
	term_view_diff(got, same, &pk);
	CHECKF(buf.size == 4, "%zu bytes", buf.size); /* [10, 3, []] */
	msgpack_sbuffer_destroy(&buf);
	term_view_unref(same);
	term_view_unref(got);
	term_view_unref(v);
	term_view_unref(blank);
	key_tables_unref(kt);
}

/* The look field: status at the top with two lines (the panes below them), border lines
 * and pens round-trip; a pen of no colour kind, or a pane over the status lines at the
 * top, is refused. */
static void test_look(void)
{
	term_view *blank = term_view_new(0, 0, 0), *v = term_view_new(10, 6, 1);
	term_snapshot *status = term_snapshot_new(2, 10);
	term_view_set_status(v, status);
	term_snapshot_unref(status);
	v->status_top = true;
	v->panes[0] = (term_view_pane){.id = 1, .y = 2, .screen = term_snapshot_new(4, 10)};
	v->border_lines = TERM_VIEW_LINES_DOUBLE;
	v->pens[TERM_VIEW_PEN_BORDER].fg = TERM_COLOUR_RGB(1, 2, 3);
	v->pens[TERM_VIEW_PEN_MESSAGE].attrs = TERM_ATTR_BOLD;
	const char *err = NULL;
	CHECKF(term_view_check(v, &err), "%s", err);
	CHECK(term_view_area_top(v) == 2 && term_view_area_rows(v) == 4);
	CHECK(term_view_message_row(v) == 0);
	msgpack_sbuffer buf;
	encode_view_diff(blank, v, &buf);
	term_view *got = apply_bytes(blank, buf.data, buf.size, &err);
	CHECKF(got != NULL, "%s", err);
	CHECK(term_view_equal(got, v) && got->status_top && got->border_lines == 1);
	CHECK(got->pens[TERM_VIEW_PEN_BORDER].fg == TERM_COLOUR_RGB(1, 2, 3));
	msgpack_sbuffer_destroy(&buf);
	/* The pane over the status lines. */
	term_view *bad = term_view_clone(v);
	bad->panes[0].y = 1;
	CHECK(!term_view_check(bad, &err) && strstr(err, "outside") != NULL);
	bad->panes[0].y = 2;
	bad->pens[TERM_VIEW_PEN_MODE].bg = 7u << 24;
	CHECK(!term_view_check(bad, &err) && strstr(err, "pen") != NULL);
	encode_view_diff(blank, bad, &buf);
	CHECK(apply_bytes(blank, buf.data, buf.size, &err) == NULL);
	msgpack_sbuffer_destroy(&buf);
	/* Status off: the message row is the last. */
	term_view *off = term_view_new(10, 6, 0);
	CHECK(term_view_message_row(off) == 5 && term_view_area_rows(off) == 6);
	term_view_unref(off);
	term_view_unref(bad);
	term_view_unref(got);
	term_view_unref(v);
	term_view_unref(blank);
}

/* The head of a 21x6 view of panes 7 and 9 side by side from row y, then nil up to its
 * field number field, which the caller writes next. */
static void pack_two_panes(msgpack_packer *pk, unsigned field, unsigned y)
{
	pack_head(pk, 3 + field, 21, 6, 2);
	pack_pane_head(pk, false, 7, 0, y);
	pack_pane_head(pk, false, 9, 11, y);
	for (unsigned f = 0; f < field - 1; f++)
		msgpack_pack_nil(pk);
}

/* The borders field (pane-border-status): a row per pane round-trips, then a change of
 * one cell of it alone; a diff of more rows than panes, wider than the view, or a status
 * past bottom is refused, the first two before the screen is made. */
static void test_border_status(void)
{
	term_view *blank = term_view_new(0, 0, 0), *v = term_view_new(21, 6, 2);
	v->panes[0] = (term_view_pane){.id = 7, .y = 1, .screen = term_snapshot_new(5, 10)};
	v->panes[1] = (term_view_pane){.id = 9, .x = 11, .y = 1, .screen = term_snapshot_new(5, 10)};
	v->border_status = TERM_VIEW_BORDER_TOP;
	term_snapshot *rows = term_snapshot_new(2, 21);
	term_cell c = term_cell_blank();
	uint32_t ch = '0';
	c.attrs = TERM_ATTR_REVERSE;
	term_row_set(term_row_writable(&rows->lines[0]), 0, &c, &ch, 1);
	term_view_set_borders(v, rows);
	term_snapshot_unref(rows);
	const char *err = NULL;
	CHECKF(term_view_check(v, &err), "%s", err);
	msgpack_sbuffer buf;
	encode_view_diff(blank, v, &buf);
	term_view *got = apply_bytes(blank, buf.data, buf.size, &err);
	CHECKF(got != NULL, "%s", err);
	CHECK(term_view_equal(got, v) && got->border_status == TERM_VIEW_BORDER_TOP);
	CHECK(term_row_get(got->borders->lines[0], 0).ch == '0');
	msgpack_sbuffer_destroy(&buf);

	term_view *next = term_view_clone(v);
	rows = term_snapshot_clone(v->borders);
	ch = '1';
	term_row_set(term_row_writable(&rows->lines[1]), 3, &c, &ch, 1);
	term_view_set_borders(next, rows);
	term_snapshot_unref(rows);
	encode_view_diff(v, next, &buf);
	term_view *got2 = apply_bytes(got, buf.data, buf.size, &err);
	CHECKF(got2 != NULL && term_view_equal(got2, next), "%s", err ? err : "differs");
	msgpack_sbuffer_destroy(&buf);

	/* More rows than panes, wider than the view, a status past bottom. */
	static const struct { unsigned rows, cols, status; const char *why; } bad[] = {
		{3, 21, 1, "border status"}, {65, 21, 1, "outside"}, {2, 22, 1, "outside"},
		{2, 21, 3, ""},
	};
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		msgpack_packer pk;
		msgpack_sbuffer_init(&buf);
		msgpack_packer_init(&pk, &buf, msgpack_sbuffer_write);
		pack_two_panes(&pk, 16, 1);
		msgpack_pack_array(&pk, 2);
		msgpack_pack_uint32(&pk, bad[i].status);
		pack_blank_screen(&pk, bad[i].rows, bad[i].cols);
		refuse(got, &buf, bad[i].why);
		msgpack_sbuffer_destroy(&buf);
	}
	term_view_unref(got2);
	term_view_unref(next);
	term_view_unref(got);
	term_view_unref(v);
	term_view_unref(blank);
}

/* The marked pane and hup fields round-trip alone; a marked index past the panes is
 * refused. */
static void test_marked_hup(void)
{
	term_view *blank = term_view_new(0, 0, 0), *v = term_view_new(21, 6, 2);
	v->panes[0] = (term_view_pane){.id = 7, .screen = term_snapshot_new(6, 10)};
	v->panes[1] = (term_view_pane){.id = 9, .x = 11, .screen = term_snapshot_new(6, 10)};
	v->marked = 2;
	const char *err = NULL;
	msgpack_sbuffer buf;
	encode_view_diff(blank, v, &buf);
	term_view *got = apply_bytes(blank, buf.data, buf.size, &err);
	CHECKF(got != NULL && term_view_equal(got, v) && got->marked == 2, "%s",
	       err ? err : "differs");
	msgpack_sbuffer_destroy(&buf);
	term_view *next = term_view_clone(v);
	next->marked = 0;
	next->hup = true;
	term_view_set_ended(next, "detached and SIGHUP", 19);
	encode_view_diff(v, next, &buf);
	term_view *got2 = apply_bytes(got, buf.data, buf.size, &err);
	CHECKF(got2 != NULL && term_view_equal(got2, next) && got2->hup && got2->marked == 0,
	       "%s", err ? err : "differs");
	msgpack_sbuffer_destroy(&buf);
	msgpack_packer pk;
	msgpack_sbuffer_init(&buf);
	msgpack_packer_init(&pk, &buf, msgpack_sbuffer_write);
	pack_two_panes(&pk, 17, 0);
	msgpack_pack_uint32(&pk, 3);
	refuse(got, &buf, "marked");
	msgpack_sbuffer_destroy(&buf);
	term_view_unref(got2);
	term_view_unref(next);
	term_view_unref(got);
	term_view_unref(v);
	term_view_unref(blank);
}

static void pack_range(msgpack_packer *pk, unsigned line, unsigned type, unsigned x,
		       unsigned width, unsigned window)
{
	msgpack_pack_array(pk, 5);
	msgpack_pack_uint32(pk, line);
	msgpack_pack_uint32(pk, type);
	msgpack_pack_uint32(pk, x);
	msgpack_pack_uint32(pk, width);
	msgpack_pack_uint32(pk, window);
}

/* The status lines' mouse ranges round-trip, and their removal; a range off the status
 * lines, past the view, of no type, or out of order is refused. */
static void test_ranges(void)
{
	term_view *blank = term_view_new(0, 0, 0), *v = term_view_new(21, 6, 2);
	v->panes[0] = (term_view_pane){.id = 7, .screen = term_snapshot_new(5, 10)};
	v->panes[1] = (term_view_pane){.id = 9, .x = 11, .screen = term_snapshot_new(5, 10)};
	term_snapshot *status = term_snapshot_new(1, 21);
	term_view_set_status(v, status);
	term_snapshot_unref(status);
	term_view_range ranges[] = {
		{0, TERM_VIEW_RANGE_LEFT, 0, 4, 0}, {0, TERM_VIEW_RANGE_WINDOW, 5, 3, 0},
		{0, TERM_VIEW_RANGE_WINDOW, 8, 3, 12}, {0, TERM_VIEW_RANGE_RIGHT, 15, 6, 0},
	};
	term_view_set_ranges(v, ranges, 4);
	const char *err = NULL;
	CHECKF(term_view_check(v, &err), "%s", err);
	CHECK(term_view_range_at(v, 0, 9) == &v->ranges[2] && term_view_range_at(v, 0, 4) == NULL &&
	      term_view_range_at(v, 1, 0) == NULL);
	msgpack_sbuffer buf;
	encode_view_diff(blank, v, &buf);
	term_view *got = apply_bytes(blank, buf.data, buf.size, &err);
	CHECKF(got != NULL && term_view_equal(got, v) && got->nranges == 4 &&
	       got->ranges[2].window == 12, "%s", err ? err : "differs");
	msgpack_sbuffer_destroy(&buf);
	term_view *next = term_view_clone(v);
	CHECK(term_view_equal(next, v));
	term_view_set_ranges(next, NULL, 0);
	CHECK(!term_view_equal(next, v));
	encode_view_diff(v, next, &buf);
	term_view *got2 = apply_bytes(got, buf.data, buf.size, &err);
	CHECKF(got2 != NULL && term_view_equal(got2, next) && got2->nranges == 0, "%s",
	       err ? err : "differs");
	msgpack_sbuffer_destroy(&buf);

	static const struct {
		unsigned line, type, x, width, window, line2, x2;
		const char *why;
	} bad[] = {
		{1, TERM_VIEW_RANGE_LEFT, 0, 1, 0, 0, 5, "out of the status lines"},
		{0, TERM_VIEW_RANGE_LEFT, 20, 2, 0, 0, 5, "out of the status lines"},
		{0, 0, 0, 1, 0, 0, 5, "out of the status lines"},
		{0, TERM_VIEW_RANGE_LEFT, 0, 0, 0, 0, 5, "out of the status lines"},
		{0, TERM_VIEW_RANGE_RIGHT, 0, 1, 3, 0, 5, "out of the status lines"},
		{0, TERM_VIEW_RANGE_WINDOW, 4, 3, 1, 0, 5, "out of order"},
	};
	msgpack_packer pk;
	msgpack_sbuffer_init(&buf);
	msgpack_packer_init(&pk, &buf, msgpack_sbuffer_write);
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		pack_two_panes(&pk, 19, 0);
		msgpack_pack_array(&pk, 2);
		pack_range(&pk, bad[i].line, bad[i].type, bad[i].x, bad[i].width, bad[i].window);
		pack_range(&pk, bad[i].line2, TERM_VIEW_RANGE_WINDOW, bad[i].x2, 2, 0);
		refuse(got, &buf, bad[i].why);
	}
	msgpack_sbuffer_destroy(&buf);
	term_view *const made[] = {got2, next, got, v, blank};
	for (size_t i = 0; i < sizeof made / sizeof *made; i++)
		term_view_unref(made[i]);
}

int main(void)
{
	unsigned long seed = test_seed(), cases = test_cases(40);
	test_border_status();
	test_ranges();
	test_marked_hup();
	test_history();
	for (unsigned long c = 0; c < cases; c++) {
		test_random(seed + c, 30);
		test_truncation(seed + c);
	}
	test_scroll_cost(seed);
	test_hostile();
	test_client_fields();
	test_look();
	test_doc_example();
	static const unsigned losses[] = { 0, 10, 30 };
	for (size_t i = 0; i < sizeof losses / sizeof *losses; i++)
		test_converge(losses[i], seed);
	return 0;
}
