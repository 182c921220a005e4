/*
 * A view diff in msgpack:
 *   [cols, rows, [pane...], active?, status?, echo?, notice?, ended?, tty_echo?, page?,
 *    options?, title?, keys?, run?, names?, look?, terminal?, bells?, borders?, marked?,
 *    hup?, ranges?]
 * a pane being [id, x, y] when its screen and history are unchanged, [id, x, y, screen
 * diff] when its screen changed, [id, x, y, screen diff or nil, [epoch, total, len]] when
 * its history did; the trailing fields are nil or left out when unchanged, as in the
 * screen diff. A page of [] says there is none.
 */
#include "view_wire.h"

#include <stdlib.h>
#include <string.h>

#include "../util/printable.h"
#include "diff_share.h"
#include "grid.h"
#include "wire.h"
#include "util/xmalloc.h"

#define FIXED_FIELDS 3
#define PANE_FIELDS 3

enum view_field {
	FIELD_ACTIVE, FIELD_STATUS, FIELD_ECHO, FIELD_NOTICE, FIELD_ENDED, FIELD_TTY_ECHO,
	FIELD_PAGE, FIELD_OPTIONS, FIELD_TITLE, FIELD_KEYS, FIELD_RUN, FIELD_NAMES,
	FIELD_LOOK, FIELD_TERMINAL, FIELD_BELLS, FIELD_BORDERS, FIELD_MARKED, FIELD_HUP, FIELD_RANGES,
	NFIELDS
};

static bool screen_changed(const term_snapshot *from, const term_snapshot *to)
{
	return from == NULL || (from != to && !term_snapshot_equal(from, to));
}

/* Whether the pane's history differs from base's (no base: from none at all). */
static bool history_changed(const term_view_pane *base, const term_view_pane *p)
{
	if (base == NULL)
		return p->hist_total != 0 || p->hist_len != 0 || p->hist_epoch != 0 ||
		       p->hist_limit != TERM_SCROLLBACK_DEFAULT;
	return base->hist_total != p->hist_total || base->hist_len != p->hist_len ||
	       base->hist_epoch != p->hist_epoch || base->hist_limit != p->hist_limit;
}

static void pack_pane(const term_view *from, const term_view_pane *p, msgpack_packer *pk)
{
	const term_view_pane *base = term_view_find(from, p->id);
	const term_snapshot *old = base ? base->screen : NULL;
	bool changed = screen_changed(old, p->screen), history = history_changed(base, p);
	msgpack_pack_array(pk, PANE_FIELDS + (history ? 2 : changed));
	msgpack_pack_uint32(pk, p->id);
	msgpack_pack_uint16(pk, p->x);
	msgpack_pack_uint16(pk, p->y);
	if (changed)
		term_diff_share_write(old, p->screen, pk);
	else if (history)
		msgpack_pack_nil(pk);
	if (history) {
		msgpack_pack_array(pk, 4);
		msgpack_pack_uint32(pk, p->hist_epoch);
		msgpack_pack_uint64(pk, p->hist_total);
		msgpack_pack_uint32(pk, p->hist_len);
		msgpack_pack_uint32(pk, p->hist_limit);
	}
}

/* Which optional fields changed, as bits of enum view_field. */
static unsigned changed_fields(const term_view *from, const term_view *to)
{
	unsigned c = 0;
	if (from->active != to->active)
		c |= 1u << FIELD_ACTIVE;
	if (screen_changed(from->status, to->status))
		c |= 1u << FIELD_STATUS;
	if (from->echo_events != to->echo_events || from->echo_ms != to->echo_ms)
		c |= 1u << FIELD_ECHO;
	if (strcmp(from->notice, to->notice) != 0)
		c |= 1u << FIELD_NOTICE;
	if (strcmp(from->ended, to->ended) != 0)
		c |= 1u << FIELD_ENDED;
	if (from->tty_echo != to->tty_echo)
		c |= 1u << FIELD_TTY_ECHO;
	if (!term_histpage_equal(from->page, to->page))
		c |= 1u << FIELD_PAGE;
	if (from->mode_keys != to->mode_keys || from->mouse != to->mouse ||
	    from->clipboard != to->clipboard)
		c |= 1u << FIELD_OPTIONS;
	if (strcmp(from->title, to->title) != 0)
		c |= 1u << FIELD_TITLE;
	if (to->keys != NULL && (from->keys == NULL || from->keys->gen != to->keys->gen))
		c |= 1u << FIELD_KEYS;
	if (from->run_serial != to->run_serial)
		c |= 1u << FIELD_RUN;
	for (unsigned i = 0; i < TERM_VIEW_NAMES; i++)
		if (strcmp(from->names[i], to->names[i]) != 0)
			c |= 1u << FIELD_NAMES;
	if (from->status_top != to->status_top || from->border_lines != to->border_lines)
		c |= 1u << FIELD_LOOK;
	for (unsigned i = 0; i < TERM_VIEW_PENS; i++)
		if (!term_cell_same_pen(&from->pens[i], &to->pens[i]))
			c |= 1u << FIELD_LOOK;
	if (strcmp(from->term_features, to->term_features) != 0 ||
	    strcmp(from->term_overrides, to->term_overrides) != 0)
		c |= 1u << FIELD_TERMINAL;
	if (from->bells != to->bells)
		c |= 1u << FIELD_BELLS;
	if (from->border_status != to->border_status || screen_changed(from->borders, to->borders))
		c |= 1u << FIELD_BORDERS;
	if (from->marked != to->marked)
		c |= 1u << FIELD_MARKED;
	if (from->hup != to->hup)
		c |= 1u << FIELD_HUP;
	if (from->nranges != to->nranges ||
	    (to->nranges > 0 && !term_view_ranges_equal(from, to)))
		c |= 1u << FIELD_RANGES;
	return c;
}

static void pack_field(const term_view *from, const term_view *to, enum view_field f,
		       msgpack_packer *pk)
{
	switch (f) {
	case FIELD_ACTIVE:
		msgpack_pack_uint16(pk, to->active);
		break;
	case FIELD_STATUS:
		term_diff_share_write(from->status, to->status, pk);
		break;
	case FIELD_ECHO:
		msgpack_pack_array(pk, 2);
		msgpack_pack_uint64(pk, to->echo_events);
		msgpack_pack_uint64(pk, to->echo_ms);
		break;
	case FIELD_NOTICE:
		msgpack_pack_str_with_body(pk, to->notice, strlen(to->notice));
		break;
	case FIELD_ENDED:
		msgpack_pack_str_with_body(pk, to->ended, strlen(to->ended));
		break;
	case FIELD_TITLE:
		msgpack_pack_str_with_body(pk, to->title, strlen(to->title));
		break;
	case FIELD_TTY_ECHO:
		if (to->tty_echo)
			msgpack_pack_true(pk);
		else
			msgpack_pack_false(pk);
		break;
	case FIELD_PAGE:
		if (to->page != NULL)
			term_histpage_write(to->page, pk);
		else
			msgpack_pack_array(pk, 0);
		break;
	case FIELD_OPTIONS:
		msgpack_pack_array(pk, 3);
		msgpack_pack_uint8(pk, to->mode_keys);
		if (to->mouse)
			msgpack_pack_true(pk);
		else
			msgpack_pack_false(pk);
		msgpack_pack_uint8(pk, to->clipboard);
		break;
	case FIELD_KEYS:
		key_tables_pack(to->keys, pk);
		break;
	case FIELD_RUN:
		msgpack_pack_array(pk, 2);
		msgpack_pack_uint64(pk, to->run_serial);
		msgpack_pack_array(pk, to->run_argc);
		for (uint32_t i = 0; i < to->run_argc; i++)
			msgpack_pack_bin_with_body(pk, to->run_argv[i], strlen(to->run_argv[i]));
		break;
	case FIELD_NAMES:
		msgpack_pack_array(pk, TERM_VIEW_NAMES);
		for (unsigned i = 0; i < TERM_VIEW_NAMES; i++)
			msgpack_pack_str_with_body(pk, to->names[i], strlen(to->names[i]));
		break;
	case FIELD_LOOK:
		msgpack_pack_array(pk, 3);
		if (to->status_top)
			msgpack_pack_true(pk);
		else
			msgpack_pack_false(pk);
		msgpack_pack_uint8(pk, to->border_lines);
		msgpack_pack_array(pk, TERM_VIEW_PENS);
		for (unsigned i = 0; i < TERM_VIEW_PENS; i++) {
			msgpack_pack_array(pk, 4);
			msgpack_pack_uint32(pk, to->pens[i].fg);
			msgpack_pack_uint32(pk, to->pens[i].bg);
			msgpack_pack_uint32(pk, to->pens[i].ul);
			msgpack_pack_uint16(pk, to->pens[i].attrs);
		}
		break;
	case FIELD_TERMINAL:
		msgpack_pack_array(pk, 2);
		msgpack_pack_str_with_body(pk, to->term_features, strlen(to->term_features));
		msgpack_pack_str_with_body(pk, to->term_overrides, strlen(to->term_overrides));
		break;
	case FIELD_BELLS:
		msgpack_pack_uint32(pk, to->bells);
		break;
	case FIELD_BORDERS:
		msgpack_pack_array(pk, 2);
		msgpack_pack_uint8(pk, to->border_status);
		term_diff_share_write(from->borders, to->borders, pk);
		break;
	case FIELD_MARKED:
		msgpack_pack_uint8(pk, to->marked);
		break;
	case FIELD_HUP:
		if (to->hup)
			msgpack_pack_true(pk);
		else
			msgpack_pack_false(pk);
		break;
	case FIELD_RANGES:
		msgpack_pack_array(pk, to->nranges);
		for (unsigned i = 0; i < to->nranges; i++) {
			const term_view_range *rg = &to->ranges[i];
			msgpack_pack_array(pk, 5);
			msgpack_pack_uint8(pk, rg->line);
			msgpack_pack_uint8(pk, rg->type);
			msgpack_pack_uint16(pk, rg->x);
			msgpack_pack_uint16(pk, rg->width);
			msgpack_pack_uint32(pk, rg->window);
		}
		break;
	case NFIELDS:
		break;
	}
}

void term_view_diff(const term_view *from, const term_view *to, msgpack_packer *pk)
{
	unsigned changed = changed_fields(from, to), nfields = 0;
	for (unsigned f = 0; f < NFIELDS; f++)
		if (changed & (1u << f))
			nfields = f + 1;
	msgpack_pack_array(pk, FIXED_FIELDS + nfields);
	msgpack_pack_uint16(pk, to->cols);
	msgpack_pack_uint16(pk, to->rows);
	msgpack_pack_array(pk, to->npanes);
	for (unsigned i = 0; i < to->npanes; i++)
		pack_pane(from, &to->panes[i], pk);
	for (unsigned f = 0; f < nfields; f++) {
		if (changed & (1u << f))
			pack_field(from, to, f, pk);
		else
			msgpack_pack_nil(pk);
	}
}

/* A pane's [epoch, total, len, limit] (limit absent: TERM_SCROLLBACK_DEFAULT). */
static void read_history(mp_reader *r, term_view_pane *p)
{
	uint32_t n;
	mp_read_array(r, 3, 4, &n);
	mp_read_u32(r, UINT32_MAX, &p->hist_epoch);
	mp_read_uint(r, INT64_MAX, &p->hist_total);
	mp_read_u32(r, UINT32_MAX, &p->hist_len);
	p->hist_limit = TERM_SCROLLBACK_DEFAULT;
	if (n == 4)
		mp_read_u32(r, UINT32_MAX, &p->hist_limit);
}

/*
 * One pane into *p. A screen diff's size is checked against the view before it is applied,
 * so a hostile diff cannot make large screens that the final check would refuse anyway.
 */
static bool read_pane(const term_view *from, term_view *v, mp_reader *r, term_view_pane *p)
{
	uint32_t n, x, y;
	mp_read_array(r, PANE_FIELDS, PANE_FIELDS + 2, &n);
	mp_read_u32(r, UINT32_MAX, &p->id);
	mp_read_u32(r, TERM_MAX_COLS, &x);
	mp_read_u32(r, TERM_MAX_ROWS, &y);
	if (r->error != NULL)
		return false;
	p->x = (uint16_t)x;
	p->y = (uint16_t)y;
	const term_view_pane *base = term_view_find(from, p->id);
	if (base != NULL) {
		p->hist_total = base->hist_total;
		p->hist_len = base->hist_len;
		p->hist_epoch = base->hist_epoch;
		p->hist_limit = base->hist_limit;
	} else {
		p->hist_limit = TERM_SCROLLBACK_DEFAULT;
	}
	if (n == PANE_FIELDS || (n == PANE_FIELDS + 2 && mp_peek(r) == MP_NIL)) {
		if (n > PANE_FIELDS)
			mp_read_nil(r);
		if (base == NULL)
			return mp_fail(r, "unchanged pane not in the base");
		p->screen = term_snapshot_ref(base->screen);
	} else {
		const char *err;
		term_diff *d = term_diff_decode(r, &err);
		if (d == NULL)
			return false;
		if (x + d->cols > v->cols || y + d->rows > v->rows)
			mp_fail(r, "pane outside the view");
		else if ((p->screen = term_diff_apply(base ? base->screen : NULL, d, &err)) == NULL)
			mp_fail(r, err);
		term_diff_free(d);
	}
	if (n == PANE_FIELDS + 2 && r->error == NULL)
		read_history(r, p);
	return r->error == NULL;
}

/* Whether the optional field i of n is there (a nil counts as absent, and is read). */
static bool field_present(mp_reader *r, uint32_t n, unsigned i)
{
	if (FIXED_FIELDS + i >= n)
		return false;
	if (mp_peek(r) != MP_NIL)
		return true;
	mp_read_nil(r);
	return false;
}

/* A notice, end line or title: text without NUL, shown on the user's terminal, so its control
 * characters (and bytes that are not UTF-8) are escaped here, whatever the server sent. */
static void read_text(mp_reader *r, term_view *v,
		      void (*set)(term_view *, const char *, size_t))
{
	const char *s;
	uint32_t len;
	if (!mp_read_str(r, TERM_VIEW_MAX_NOTICE, &s, &len))
		return;
	if (memchr(s, '\0', len) != NULL) {
		mp_fail(r, "NUL in a text field");
		return;
	}
	char *shown = printable_copy(s, len, "");
	set(v, shown, strlen(shown));
	free(shown);
}

/* The names the client's prompts expand: escaped as the notice is (they reach the
 * terminal). */
static void read_names(mp_reader *r, term_view *v)
{
	uint32_t n, len;
	const char *s;
	mp_read_array(r, TERM_VIEW_NAMES, TERM_VIEW_NAMES, &n);
	for (unsigned i = 0; i < TERM_VIEW_NAMES && mp_read_str(r, TERM_VIEW_MAX_NOTICE, &s, &len);
	     i++) {
		if (memchr(s, '\0', len) != NULL) {
			mp_fail(r, "NUL in a text field");
			return;
		}
		char *shown = printable_copy(s, len, "");
		term_view_set_name(v, i, shown, strlen(shown));
		free(shown);
	}
}

/* The request to run: [serial, [word...]], words bin without NUL. */
static void read_run(mp_reader *r, term_view *v)
{
	uint32_t two, argc, n = 0;
	uint64_t serial;
	char *argv[KEY_WORDS_MAX];
	mp_read_array(r, 2, 2, &two);
	mp_read_uint(r, UINT64_MAX, &serial);
	mp_read_array(r, 0, KEY_WORDS_MAX, &argc);
	for (; r->error == NULL && n < argc; n++) {
		const uint8_t *p;
		uint32_t len;
		if (!mp_read_bin(r, KEY_WORD_MAX, &p, &len))
			break;
		if (memchr(p, '\0', len) != NULL) {
			mp_fail(r, "NUL in a word to run");
			break;
		}
		argv[n] = xstrndup((const char *)p, len);
	}
	if (r->error == NULL)
		term_view_set_run(v, serial, argc, argv);
	for (uint32_t i = 0; i < n; i++)
		free(argv[i]);
}

/* A history page, or [] for none. */
static void read_page(mp_reader *r, term_view *v)
{
	mp_reader peek = *r;
	uint32_t n;
	if (mp_read_array(&peek, 0, 0, &n)) {
		*r = peek;
		term_view_set_page(v, NULL);
		return;
	}
	term_histpage *page = term_histpage_read(r);
	term_view_set_page(v, page);
	term_histpage_unref(page);
}

/* [status_top, border_lines, [[fg, bg, ul, attrs]...]]: term_view_check judges the
 * values. */
static void read_look(mp_reader *r, term_view *v)
{
	uint32_t n, lines, attrs;
	mp_read_array(r, 3, 3, &n);
	mp_read_bool(r, &v->status_top);
	if (mp_read_u32(r, TERM_VIEW_LINES_NUMBER, &lines))
		v->border_lines = (uint8_t)lines;
	mp_read_array(r, TERM_VIEW_PENS, TERM_VIEW_PENS, &n);
	for (unsigned i = 0; i < TERM_VIEW_PENS && r->error == NULL; i++) {
		term_cell *pen = &v->pens[i];
		mp_read_array(r, 4, 4, &n);
		mp_read_u32(r, UINT32_MAX, &pen->fg);
		mp_read_u32(r, UINT32_MAX, &pen->bg);
		mp_read_u32(r, UINT32_MAX, &pen->ul);
		if (mp_read_u32(r, TERM_ATTR_ALL, &attrs))
			pen->attrs = (uint16_t)attrs;
	}
}

/* [features, overrides]: str without NUL, each at most TERM_VIEW_MAX_TERMINAL bytes. */
static void read_terminal(mp_reader *r, term_view *v)
{
	uint32_t two, flen, olen;
	const char *f, *o;
	mp_read_array(r, 2, 2, &two);
	if (!mp_read_str(r, TERM_VIEW_MAX_TERMINAL, &f, &flen) ||
	    !mp_read_str(r, TERM_VIEW_MAX_TERMINAL, &o, &olen))
		return;
	if (memchr(f, '\0', flen) != NULL || memchr(o, '\0', olen) != NULL) {
		mp_fail(r, "NUL in a text field");
		return;
	}
	char *features = xstrndup(f, flen), *overrides = xstrndup(o, olen);
	term_view_set_terminal(v, features, overrides);
	free(features);
	free(overrides);
}

/* [status, screen diff]: the diff's size is checked before it is applied (at most a row
 * per pane, the view's width), as a pane's is; term_view_check judges the rest. */
/* [[line, type, x, width, window], ...]; term_view_check checks them. */
static void read_ranges(mp_reader *r, term_view *v)
{
	uint32_t n, five, line, type, x, width, window;
	if (!mp_read_array(r, 0, TERM_VIEW_MAX_RANGES, &n))
		return;
	term_view_range *ranges = xcalloc(n ? n : 1, sizeof *ranges);
	for (uint32_t i = 0; i < n && r->error == NULL; i++) {
		mp_read_array(r, 5, 5, &five);
		mp_read_u32(r, TERM_VIEW_MAX_STATUS, &line);
		mp_read_u32(r, TERM_VIEW_RANGE_WINDOW, &type);
		mp_read_u32(r, TERM_MAX_COLS, &x);
		mp_read_u32(r, TERM_MAX_COLS, &width);
		mp_read_u32(r, UINT32_MAX, &window);
		ranges[i] = (term_view_range){(uint8_t)line, (uint8_t)type, (uint16_t)x,
					      (uint16_t)width, window};
	}
	if (r->error == NULL)
		term_view_set_ranges(v, ranges, n);
	free(ranges);
}

static void read_borders(const term_view *from, mp_reader *r, term_view *v)
{
	uint32_t two, status;
	const char *err;
	mp_read_array(r, 2, 2, &two);
	if (!mp_read_u32(r, TERM_VIEW_BORDER_BOTTOM, &status))
		return;
	v->border_status = (uint8_t)status;
	term_diff *d = term_diff_decode(r, &err);
	if (d == NULL) {
		if (r->error == NULL)
			mp_fail(r, err);
		return;
	}
	term_snapshot *s = NULL;
	if (d->rows > TERM_VIEW_MAX_PANES || d->cols > v->cols)
		mp_fail(r, "border status lines outside the view");
	else if ((s = term_diff_apply(from->borders, d, &err)) == NULL)
		mp_fail(r, err);
	term_diff_free(d);
	if (s != NULL) {
		term_view_set_borders(v, s);
		term_snapshot_unref(s);
	}
}

static void read_fields(const term_view *from, term_view *v, mp_reader *r, uint32_t n)
{
	uint32_t u, two;
	if (field_present(r, n, FIELD_ACTIVE) && mp_read_u32(r, TERM_VIEW_MAX_PANES - 1, &u))
		v->active = (uint16_t)u;
	if (field_present(r, n, FIELD_STATUS)) {
		const char *err;
		term_snapshot *s = term_diff_read(from->status, r, &err);
		if (s != NULL) {
			term_view_set_status(v, s);
			term_snapshot_unref(s);
		}
	}
	if (field_present(r, n, FIELD_ECHO)) {
		mp_read_array(r, 2, 2, &two);
		mp_read_uint(r, UINT64_MAX, &v->echo_events);
		mp_read_uint(r, UINT64_MAX, &v->echo_ms);
	}
	if (field_present(r, n, FIELD_NOTICE))
		read_text(r, v, term_view_set_notice);
	if (field_present(r, n, FIELD_ENDED))
		read_text(r, v, term_view_set_ended);
	if (field_present(r, n, FIELD_TTY_ECHO))
		mp_read_bool(r, &v->tty_echo);
	if (field_present(r, n, FIELD_PAGE))
		read_page(r, v);
	if (field_present(r, n, FIELD_OPTIONS)) {
		uint32_t three, keys, clipboard;
		mp_read_array(r, 3, 3, &three);
		if (mp_read_u32(r, 1, &keys))
			v->mode_keys = (uint8_t)keys;
		mp_read_bool(r, &v->mouse);
		if (mp_read_u32(r, 2, &clipboard))
			v->clipboard = (uint8_t)clipboard;
	}
	if (field_present(r, n, FIELD_TITLE))
		read_text(r, v, term_view_set_title);
	if (field_present(r, n, FIELD_KEYS)) {
		key_tables *kt = key_tables_read(r);
		if (kt != NULL) {
			term_view_set_keys(v, kt);
			key_tables_unref(kt);
		}
	}
	if (field_present(r, n, FIELD_RUN))
		read_run(r, v);
	if (field_present(r, n, FIELD_NAMES))
		read_names(r, v);
	if (field_present(r, n, FIELD_LOOK))
		read_look(r, v);
	if (field_present(r, n, FIELD_TERMINAL))
		read_terminal(r, v);
	if (field_present(r, n, FIELD_BELLS))
		mp_read_u32(r, UINT32_MAX, &v->bells);
	if (field_present(r, n, FIELD_BORDERS))
		read_borders(from, r, v);
	if (field_present(r, n, FIELD_MARKED) && mp_read_u32(r, TERM_VIEW_MAX_PANES, &u))
		v->marked = (uint8_t)u;
	if (field_present(r, n, FIELD_HUP))
		mp_read_bool(r, &v->hup);
	if (field_present(r, n, FIELD_RANGES))
		read_ranges(r, v);
}

term_view *term_view_apply(const term_view *from, mp_reader *r, const char **err)
{
	uint32_t n, cols, rows, npanes;
	mp_read_array(r, FIXED_FIELDS, FIXED_FIELDS + NFIELDS, &n);
	mp_read_u32(r, TERM_MAX_COLS, &cols);
	mp_read_u32(r, TERM_MAX_ROWS, &rows);
	mp_read_array(r, 0, TERM_VIEW_MAX_PANES, &npanes);
	if (r->error != NULL)
		return *err = r->error, NULL;
	term_view *v = term_view_new(cols, rows, npanes);
	/* The fields a diff leaves out stay as in from. */
	v->active = from->active;
	term_view_set_status(v, from->status);
	v->echo_events = from->echo_events;
	v->echo_ms = from->echo_ms;
	term_view_set_notice(v, from->notice, strlen(from->notice));
	term_view_set_ended(v, from->ended, strlen(from->ended));
	v->tty_echo = from->tty_echo;
	v->status_top = from->status_top;
	v->border_lines = from->border_lines;
	v->border_status = from->border_status;
	term_view_set_borders(v, from->borders);
	memcpy(v->pens, from->pens, sizeof v->pens);
	term_view_set_terminal(v, from->term_features, from->term_overrides);
	v->bells = from->bells;
	v->marked = from->marked;
	v->hup = from->hup;
	term_view_set_ranges(v, from->ranges, from->nranges);
	v->mode_keys = from->mode_keys;
	v->mouse = from->mouse;
	v->clipboard = from->clipboard;
	term_view_set_page(v, from->page);
	term_view_set_title(v, from->title, strlen(from->title));
	term_view_set_keys(v, from->keys);
	term_view_set_run(v, from->run_serial, from->run_argc, from->run_argv);
	for (unsigned i = 0; i < TERM_VIEW_NAMES; i++)
		term_view_set_name(v, i, from->names[i], strlen(from->names[i]));
	for (uint32_t i = 0; i < npanes && read_pane(from, v, r, &v->panes[i]); i++)
		;
	if (r->error == NULL)
		read_fields(from, v, r, n);
	const char *why;
	if (r->error == NULL && !term_view_check(v, &why))
		mp_fail(r, why);
	if (r->error != NULL) {
		*err = r->error;
		term_view_unref(v);
		return NULL;
	}
	return v;
}

static void *ops_ref(void *s)
{
	return term_view_ref(s);
}

static void ops_unref(void *s)
{
	term_view_unref(s);
}

static bool ops_equal(const void *a, const void *b)
{
	return term_view_equal(a, b);
}

static void ops_diff(const void *from, const void *to, msgpack_packer *pk)
{
	term_view_diff(from, to, pk);
}

static void *ops_apply(const void *from, mp_reader *r, const char **err)
{
	return term_view_apply(from, r, err);
}

const sync_state_ops term_view_sync_ops = {
	ops_ref, ops_unref, ops_equal, ops_diff, ops_apply,
};
