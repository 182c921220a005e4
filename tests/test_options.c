/*
 * Options: the table keeps its rules, values parse by type with tmux's errors, sets
 * inherit and forget; styles and colours as tmux writes them; words quoted so the
 * command language reads them back.
 */
#include "check.h"
#include "cmd/word.h"
#include "server/options.h"
#include "server/style.h"
#include "util/xmalloc.h"

static const struct option_entry *entry(const char *name)
{
	char *cause = NULL;
	const struct option_entry *oe = options_find(name, &cause);
	CHECKF(oe != NULL, "%s: %s", name, cause);
	return oe;
}

/* Sets name to value in oo; returns NULL or the cause (freed by the next call). */
static char *set(struct options *oo, const char *name, const char *value, bool append)
{
	static char *cause;
	free(cause);
	cause = NULL;
	options_set(oo, entry(name), value, append, &cause);
	return cause;
}

#define SETS(oo, name, value) CHECKF(set(oo, name, value, false) == NULL, "%s", name)
#define REFUSES(oo, name, value, why)                                               \
	do {                                                                        \
		char *c_ = set(oo, name, value, false);                             \
		CHECKF(c_ != NULL && strcmp(c_, why) == 0, "%s: %s", name, c_ ? c_ : "set"); \
	} while (0)

static void table(void)
{
	const struct option_entry *prev = NULL;
	for (const struct option_entry *oe = options_table; oe->name != NULL; prev = oe++) {
		CHECKF(prev == NULL || strcmp(prev->name, oe->name) < 0, "%s in order", oe->name);
		CHECKF(oe->scope != 0 && ((oe->scope & OPTION_SCOPE_PANE) == 0 ||
					  (oe->scope & OPTION_SCOPE_WINDOW)),
		       "%s scope", oe->name);
		if (oe->type == OPTION_CHOICE) {
			long long n = 0;
			while (oe->choices[n] != NULL)
				n++;
			CHECKF(oe->default_num < n, "%s default", oe->name);
		}
		if (oe->type == OPTION_NUMBER)
			CHECKF(oe->min <= oe->default_num && oe->default_num <= oe->max, "%s",
			       oe->name);
	}
	char *cause = NULL;
	CHECK(options_find("nosuch", &cause) == NULL && strcmp(cause, "invalid option: nosuch") == 0);
	free(cause);
	CHECK(options_find("status-lef", &cause) == NULL &&
	      strcmp(cause, "ambiguous option: status-lef") == 0);
	free(cause);
	CHECK(strcmp(entry("renumber")->name, "renumber-windows") == 0);
	/* The search (a binary one): every name in full, even one that prefixes others. */
	for (const struct option_entry *oe = options_table; oe->name != NULL; oe++)
		CHECKF(options_find(oe->name, &cause) == oe, "%s found", oe->name);
	CHECK(strcmp(entry("status")->name, "status") == 0);
	const char *outside[] = {"", "a", "zzz", "~"};
	for (size_t i = 0; i < sizeof outside / sizeof *outside; i++) {
		CHECKF(options_find(outside[i], &cause) == NULL, "'%s' refused", outside[i]);
		free(cause);
	}
}

static void values(void)
{
	struct options *s = options_create(options_global_session);
	struct options *w = options_create(options_global_window);
	struct options *p = options_create(w);
	/* Defaults, tmux's. */
	CHECK(options_get_number(s, "base-index") == 0);
	CHECK(options_get_number(s, "history-limit") == 2000);
	CHECK(strcmp(options_get_string(s, "status-left"), "[#{session_name}] ") == 0);
	CHECK(options_get_number(p, "pane-base-index") == 0);
	/* Numbers. */
	SETS(s, "base-index", "1");
	CHECK(options_get_number(s, "base-index") == 1);
	CHECK(options_get_number(options_global_session, "base-index") == 0);
	REFUSES(s, "base-index", "x", "value is invalid: x");
	REFUSES(s, "base-index", "-1", "value is too small: -1");
	REFUSES(s, "base-index", "", "value is invalid: ''");
	REFUSES(s, "base-index", "99999999999999999999", "value is invalid: 99999999999999999999");
	REFUSES(s, "repeat-time", "40000", "value is too large: 40000");
	REFUSES(s, "base-index", NULL, "empty value");
	CHECK(options_get_number(s, "base-index") == 1); /* a refusal changes nothing */
	/* Flags: on/off/yes/no/1/0, toggled without a value. */
	SETS(s, "renumber-windows", "on");
	CHECK(options_get_number(s, "renumber-windows") == 1);
	SETS(s, "renumber-windows", NULL);
	CHECK(options_get_number(s, "renumber-windows") == 0);
	SETS(s, "renumber-windows", "YES");
	CHECK(options_get_number(s, "renumber-windows") == 1);
	REFUSES(s, "renumber-windows", "maybe", "bad value: maybe");
	/* Choices. */
	SETS(s, "status", "2");
	CHECK(options_get_number(s, "status") == 2);
	REFUSES(s, "status", "6", "unknown value: 6");
	SETS(s, "status", "off");
	SETS(s, "status", NULL);
	CHECK(options_get_number(s, "status") == 1);
	/* Colours and styles. */
	SETS(s, "status-bg", "colour208");
	CHECK(options_get_number(s, "status-bg") == TERM_COLOUR_PALETTE(208));
	char *text = options_to_string(s, entry("status-bg"));
	CHECK(strcmp(text, "colour208") == 0);
	free(text);
	REFUSES(s, "status-bg", "colour256", "bad colour: colour256");
	SETS(s, "status-style", "bg=blue,fg=white,bold");
	SETS(s, "status-style", "fg=#ff8000 bg=brightred");
	SETS(s, "status-style", "#{?client_prefix,bg=red,bg=green}");
	REFUSES(s, "status-style", "bg=nosuch", "invalid style: bg=nosuch");
	REFUSES(s, "status-style", "wobbly", "invalid style: wobbly");
	/* Keys. */
	SETS(s, "prefix", "C-a");
	SETS(s, "prefix2", "None");
	SETS(s, "prefix", "`");
	REFUSES(s, "prefix", "C-nosuch", "bad key: C-nosuch");
	/* Strings, appended; default-shell must be a shell. */
	SETS(s, "status-left", "a");
	CHECK(set(s, "status-left", "b", true) == NULL);
	CHECK(strcmp(options_get_string(s, "status-left"), "ab") == 0);
	REFUSES(s, "default-shell", "/nonexistent", "not a suitable shell: /nonexistent");
	REFUSES(s, "default-shell", "sh", "not a suitable shell: sh");
	SETS(s, "default-shell", "/bin/sh");
	/* Unset: the parent's shows again; a global set goes back to its default. */
	options_unset(s, entry("status-left"));
	CHECK(!options_is_set(s, entry("status-left")));
	CHECK(strcmp(options_get_string(s, "status-left"), "[#{session_name}] ") == 0);
	SETS(options_global_session, "status-left", "g");
	CHECK(strcmp(options_get_string(s, "status-left"), "g") == 0);
	options_unset(options_global_session, entry("status-left"));
	CHECK(strcmp(options_get_string(s, "status-left"), "[#{session_name}] ") == 0);
	/* A pane inherits from its window, which inherits from the global window set. */
	SETS(w, "pane-base-index", "1");
	CHECK(options_get_number(p, "pane-base-index") == 1);
	SETS(options_global_window, "pane-base-index", "2");
	CHECK(options_get_number(p, "pane-base-index") == 1);
	options_unset(w, entry("pane-base-index"));
	CHECK(options_get_number(p, "pane-base-index") == 2);
	options_unset(options_global_window, entry("pane-base-index"));
	options_free(p);
	options_free(w);
	options_free(s);
}

static void check_style(const char *text, term_colour fg, term_colour bg, unsigned attrs)
{
	term_cell base = term_cell_blank(), cell = base;
	base.fg = TERM_COLOUR_PALETTE(3);
	CHECKF(style_apply(&cell, text, &base) == 0, "%s", text);
	CHECKF(cell.fg == fg && cell.bg == bg && cell.attrs == attrs, "%s: %x %x %x", text,
	       cell.fg, cell.bg, cell.attrs);
}

static void styles(void)
{
	check_style("bg=blue,fg=white,bold", TERM_COLOUR_PALETTE(7), TERM_COLOUR_PALETTE(4),
		    TERM_ATTR_BOLD);
	check_style("fg=colour208 reverse noreverse italics", TERM_COLOUR_PALETTE(208), 0,
		    TERM_ATTR_ITALIC);
	check_style("bg=#1E1e2e,underscore,double-underscore", 0, TERM_COLOUR_RGB(0x1e, 0x1e, 0x2e),
		    2u << TERM_ATTR_UNDERLINE_SHIFT);
	check_style("bold,default", TERM_COLOUR_PALETTE(3), 0, 0);
	check_style("bold,none,fg=brightcyan,bg=color0", TERM_COLOUR_PALETTE(14),
		    TERM_COLOUR_PALETTE(0), 0);
	check_style("fg=default,bg=terminal", 0, 0, 0);
	term_cell cell = term_cell_blank(), before = cell;
	static const char *bad[] = {"fg=", "fg=#12345", "fg=#12345g", "bg=colour", "bg=colour-1",
				    "bold,fg=nosuch", "bright=1", "fg=colour2555"};
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		CHECKF(style_apply(&cell, bad[i], &before) != 0, "%s", bad[i]);
		CHECK(memcmp(&cell, &before, sizeof cell) == 0);
	}
	static const term_colour round[] = {0, TERM_COLOUR_PALETTE(4), TERM_COLOUR_PALETTE(12),
					    TERM_COLOUR_PALETTE(100), TERM_COLOUR_RGB(1, 2, 3)};
	for (size_t i = 0; i < sizeof round / sizeof *round; i++) {
		char *name = colour_name(round[i]);
		term_colour c = 99;
		CHECKF(colour_parse(name, &c) == 0 && c == round[i], "%s", name);
		free(name);
	}
}

static void quoting(void)
{
	static const char *cases[][2] = {
		{"plain", "plain"},
		{"", "''"},
		{"[#{session_name}] ", "\"[#{session_name}] \""},
		{"a \"b\"", "\"a \\\"b\\\"\""},
		{"say\"hi", "'say\"hi'"},
		{"$HOME", "\"\\$HOME\""},
		{"~/x", "\\~/x"},
		{"#", "\\#"},
		{"tab\there", "tab\\011here"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		char *q = word_quote(cases[i][0]);
		CHECKF(strcmp(q, cases[i][1]) == 0, "%s: %s", cases[i][0], q);
		free(q);
	}
}

int main(void)
{
	setenv("SHELL", "/bin/sh", 1);
	options_init();
	table();
	values();
	styles();
	quoting();
	return 0;
}
