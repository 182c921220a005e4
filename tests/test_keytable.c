/*
 * Key tables end to end in-process: tmux's defaults (each command read by the server's own
 * parser), bind/unbind/lookup, the wire form, command lists (argv form, lines, tmux's
 * quoting), list-keys' lines against tmux 3.3's for the same bindings, the prompts' texts,
 * and the client's key handling (keymode.h) over shipped tables: prefix, repeat, modal
 * tables, command-prompt and confirm-before, what goes to the server and what stays.
 */
#include "check.h"
#include "client/ask.h"
#include "client/keymode.h"
#include "cmd/args.h"
#include "cmd/cmdlist.h"
#include "cmd/keylist.h"
#include "server/key_bindings.h"
#include "term/keyname.h"
#include "util/xmalloc.h"

static term_key key(const char *name)
{
	term_key k;
	CHECKF(keyname_parse(name, &k), "%s", name);
	return k;
}

/* Every default's command list reads, command by command, with the server's parser. */
static void defaults_parse(void)
{
	key_tables *kt = key_tables_new();
	key_defaults_bind(kt);
	CHECK(key_tables_find(kt, "prefix") != NULL);
	for (size_t i = 0; i < kt->n; i++)
		for (size_t j = 0; j < kt->t[i].n; j++) {
			const struct key_binding *b = &kt->t[i].b[j];
			struct cmdlist l;
			cmdlist_split(b->argc, b->argv, &l);
			CHECK(l.n >= 1);
			for (int c = 0; c < l.n; c++) {
				struct args a;
				char *cause = NULL;
				CHECKF(args_parse_command(l.cmd[c].argc, l.cmd[c].argv, &a, &cause) == 0,
				       "%s: %s", b->argv[0], cause);
				args_free(&a);
			}
			cmdlist_free(&l);
			/* tmux notes every prefix binding (C-b ? lists them), not the modes' */
			CHECK(b->note != NULL || strcmp(kt->t[i].name, "prefix") != 0);
		}
	term_key up = key("Up"), c = key("c");
	CHECK(key_tables_lookup(kt, "prefix", &up)->repeat);
	CHECK(!key_tables_lookup(kt, "prefix", &c)->repeat);
	key_tables_unref(kt);
}

static void bind_unbind_wire(void)
{
	key_tables *kt = key_tables_new();
	char *words[] = {"split-window", "-h", ";", "new-window"}, *cause = NULL;
	term_key f2 = key("F2"), x = key("x");
	CHECK(key_tables_bind(kt, "root", &f2, false, NULL, 1, words + 3, &cause) == 0);
	CHECK(key_tables_bind(kt, "mine", &x, true, "two", 4, words, &cause) == 0);
	CHECK(key_tables_bind(kt, "mine", &x, true, "again", 4, words, &cause) == 0);
	CHECK(kt->nbindings == 2);
	CHECK(strcmp(key_tables_lookup(kt, "mine", &x)->note, "again") == 0);
	CHECK(key_tables_bind(kt, "", &x, false, NULL, 1, words, &cause) != 0);
	free(cause);

	/* Packed and read back: the same tables. */
	msgpack_sbuffer sb;
	msgpack_packer pk;
	msgpack_sbuffer_init(&sb);
	msgpack_packer_init(&pk, &sb, msgpack_sbuffer_write);
	kt->gen = 7;
	CHECK(strcmp(kt->opt.word_separators, KEY_SEPARATORS_DEFAULT) == 0);
	strcpy(kt->opt.word_separators, "-+");
	key_tables_pack(kt, &pk);
	mp_reader r;
	mp_reader_init(&r, sb.data, sb.size);
	key_tables *back = key_tables_read(&r);
	CHECK(back != NULL && mp_finish(&r));
	CHECK(back->gen == 7 && back->n == 2 && back->nbindings == 2);
	const struct key_binding *b = key_tables_lookup(back, "mine", &x);
	CHECK(b != NULL && b->repeat && b->argc == 4 && strcmp(b->argv[2], ";") == 0);
	CHECK(keyname_equal(&back->opt.prefix, &kt->opt.prefix) && back->opt.repeat_time == 500);
	CHECK(strcmp(back->opt.word_separators, "-+") == 0);
	/* Every cut of the bytes is refused, never read past. */
	for (size_t n = 0; n < sb.size; n++) {
		mp_reader_init(&r, sb.data, n);
		key_tables *cut = key_tables_read(&r);
		CHECK(cut == NULL || !mp_finish(&r));
		key_tables_unref(cut);
	}
	key_tables_unref(back);
	msgpack_sbuffer_destroy(&sb);

	CHECK(key_tables_unbind(kt, "mine", &x));
	CHECK(key_tables_find(kt, "mine") == NULL); /* emptied: gone, as tmux */
	CHECK(!key_tables_unbind(kt, "mine", &x));
	CHECK(key_tables_remove(kt, "root") && kt->n == 0 && kt->nbindings == 0);
	key_tables_unref(kt);
}

static void command_lists(void)
{
	char **argv, *cause = NULL;
	int argc = cmdlist_parse_line("rename-window -- 'a b' \"c\\\"d\" e\\;f; new-window \\; x #c",
				      &argv, &cause);
	const char *want[] = {"rename-window", "--", "a b", "c\"d", "e;f", ";", "new-window",
			      "\\;", "x"};
	CHECKF(argc == 9, "%d words", argc);
	for (int i = 0; i < argc; i++)
		CHECKF(strcmp(argv[i], want[i]) == 0, "word %d: %s", i, argv[i]);
	struct cmdlist l;
	cmdlist_split(argc, argv, &l);
	CHECK(l.n == 2 && l.cmd[0].argc == 5 && l.cmd[1].argc == 3);
	CHECK(strcmp(l.cmd[1].argv[1], ";") == 0); /* "\;": a ";" for the command itself */
	cmdlist_free(&l);
	cmdlist_free_words(argc, argv);
	CHECK(cmdlist_parse_line("echo 'open", &argv, &cause) < 0);
	CHECKF(strcmp(cause, "missing '") == 0, "%s", cause);
	free(cause);
	CHECK(cmdlist_parse_line("", &argv, &cause) == 0);
	cmdlist_free_words(0, argv);

	/* tmux's quoting, as its list-keys printed these (tmux 3.3a). */
	static const struct {
		const char *in, *out;
	} quoted[] = {
		{"a\"b$c\\d e", "\"a\\\"b\\$c\\\\d e\""}, {"a\\b", "a\\\\b"}, {"x'y", "\"x'y\""},
		{"~x", "\\~x"}, {"", "''"}, {"tab\tx", "tab\\tx"}, {"\xc3\xa9", "\xc3\xa9"},
		{"a;b", "\"a;b\""}, {"{x}", "\"{x}\""}, {"#", "\\#"}, {"\"", "\\\""},
		{"kill-pane #P? (y/n)", "\"kill-pane #P? (y/n)\""}, {":=0", ":=0"},
	};
	for (size_t i = 0; i < sizeof quoted / sizeof *quoted; i++) {
		char *q = cmdlist_quote(quoted[i].in);
		CHECKF(strcmp(q, quoted[i].out) == 0, "%s quoted as %s", quoted[i].in, q);
		free(q);
	}
	char *w[] = {"select-pane", "-t", "=", ";", "send-keys", "-M"};
	char *p = cmdlist_print(6, w);
	CHECK(strcmp(p, "select-pane -t = \\; send-keys -M") == 0);
	free(p);
}

/* list-keys over bindings made as tmux 3.3a's were, against the lines it printed. */
static void list_format(void)
{
	key_tables *kt = key_tables_new();
	key_defaults_bind(kt);
	char *cause = NULL;
	struct keylist_request rq = {.table = "prefix", .key = "x"};
	char *text = keylist_print(kt, &rq, &cause);
	CHECKF(strcmp(text, "bind-key -T prefix x confirm-before -p \"kill-pane #P? (y/n)\" "
			    "kill-pane\n") == 0, "%s", text);
	free(text);
	rq.key = "Up";
	text = keylist_print(kt, &rq, &cause);
	CHECK(strcmp(text, "bind-key -r -T prefix Up select-pane -U\n") == 0);
	free(text);

	/* Tables and keys padded to the widest listed (MouseDragEnd1Pane), the -r column
	 * when any repeats. */
	char *nw[] = {"new-window"}, *sp[] = {"split-window", "-h"};
	term_key f2 = key("F2"), c = key("c");
	CHECK(key_tables_bind(kt, "root", &f2, false, NULL, 1, nw, &cause) == 0);
	CHECK(key_tables_bind(kt, "copy-mode-vi", &c, false, NULL, 2, sp, &cause) == 0);
	rq = (struct keylist_request){0};
	text = keylist_print(kt, &rq, &cause);
	CHECKF(strstr(text, "bind-key    -T copy-mode    C-Space           "
			    "send-keys -X begin-selection\n") == text, "%s", text);
	CHECK(strstr(text, "\nbind-key    -T copy-mode-vi c                 split-window -h\n") !=
	      NULL);
	CHECK(strstr(text, "\nbind-key    -T prefix       C-b               send-prefix\n") != NULL);
	CHECK(strstr(text, "\nbind-key -r -T prefix       C-Right           resize-pane -R\n") !=
	      NULL);
	CHECK(strstr(text, "\nbind-key    -T root         F2                new-window\n") != NULL);
	free(text);

	/* -N: the notes, root's then the prefix's after the prefix key, as C-b ? shows. */
	rq = (struct keylist_request){.notes = true};
	text = keylist_print(kt, &rq, &cause);
	CHECKF(strncmp(text, "C-b C-b     Send the prefix key\n", 31) == 0, "%s", text);
	CHECK(strstr(text, "\nC-b x       Kill the active pane\n") != NULL);
	CHECK(strstr(text, "F2") == NULL); /* no note */
	free(text);

	rq = (struct keylist_request){.table = "nosuch"};
	CHECK(keylist_print(kt, &rq, &cause) == NULL);
	CHECK(strcmp(cause, "table nosuch doesn't exist") == 0);
	free(cause);
	rq = (struct keylist_request){.key = "F9"};
	CHECK(keylist_print(kt, &rq, &cause) == NULL);
	CHECK(strcmp(cause, "unknown key: F9") == 0);
	free(cause);
	key_tables_unref(kt);
}

static void prompt_texts(void)
{
	term_view *v = term_view_new(80, 24, 0);
	term_view_set_name(v, TERM_VIEW_SESSION_NAME, "work", 4);
	term_view_set_name(v, TERM_VIEW_WINDOW_NAME, "vim", 3);
	term_view_set_name(v, TERM_VIEW_PANE_INDEX, "1", 1);
	char *s = ask_expand("kill-pane #P? (y/n) ## #{window_name} #X #{x}", v);
	CHECK(strcmp(s, "kill-pane 1? (y/n) # vim #X #{x}") == 0);
	free(s);
	term_view_unref(v);

	char *answers[] = {"a b", "c\"d"};
	s = cmdlist_fill("rename-window -- '%%'", answers, 1);
	CHECK(strcmp(s, "rename-window -- 'a b'") == 0);
	free(s);
	s = cmdlist_fill("x %1 %2 %% %% %%%", answers, 2);
	CHECK(strcmp(s, "x a b c\"d a b c\"d %%%") == 0);
	free(s);
	s = cmdlist_fill("display \"%%%\"", answers + 1, 1);
	CHECK(strcmp(s, "display \"c\\\"d\"") == 0);
	free(s);
	char **parts;
	int n = ask_split("a,,b", &parts);
	CHECK(n == 3 && strcmp(parts[1], "") == 0 && strcmp(parts[2], "b") == 0);
	ask_free_strings(parts, n);
}

/* --- the client's keys ------------------------------------------------------------ */

struct sent {
	char log[4096]; /* one line per event: "key NAME", "cmd WORDS", "detach" */
};

static void record(void *arg, const term_event *ev)
{
	struct sent *s = arg;
	char line[1200] = "";
	if (ev->type == TERM_EVENT_KEY) {
		char name[KEYNAME_MAX];
		keyname_print(&ev->key, name);
		snprintf(line, sizeof line, "key %s\n", name);
	} else if (ev->type == TERM_EVENT_COMMAND) {
		snprintf(line, sizeof line, "cmd");
		for (uint32_t i = 0; i < ev->command.argc; i++)
			snprintf(line + strlen(line), sizeof line - strlen(line), " %.*s",
				 (int)ev->command.argv[i].len, ev->command.argv[i].p);
		strcat(line, "\n");
	} else if (ev->type == TERM_EVENT_DETACH) {
		snprintf(line, sizeof line, "detach\n");
	} else if (ev->type == TERM_EVENT_DRAG) {
		snprintf(line, sizeof line, "drag %u,%u %u,%u\n", ev->drag.row, ev->drag.col,
			 ev->drag.to_row, ev->drag.to_col);
	} else if (ev->type == TERM_EVENT_MOUSE) {
		snprintf(line, sizeof line, "mouse %c%u %u,%u\n", "PRM"[ev->mouse.action],
			 ev->mouse.button, ev->mouse.row, ev->mouse.col);
	}
	strncat(s->log, line, sizeof s->log - strlen(s->log) - 1);
}

static uint64_t now = 1000;
static const term_view *shown; /* the client's newest view */

static histcache *cache; /* the client's, for copy mode */

static void copied(void *arg, const struct copymode_copy *cp)
{
	struct sent *s = arg;
	snprintf(s->log + strlen(s->log), sizeof s->log - strlen(s->log), "copied %.*s%s%s\n",
		 (int)cp->len, cp->text, cp->pipe != NULL ? " | " : "", cp->pipe ? cp->pipe : "");
}

static struct copymode_io io_of(struct sent *s)
{
	return (struct copymode_io){.view = shown, .cache = cache, .send = record,
				    .copied = copied, .arg = s};
}

static void press(struct keymode *k, struct sent *s, const char *name)
{
	term_event ev = {.type = TERM_EVENT_KEY, .key = key(name)};
	struct copymode_io io = io_of(s);
	keymode_key(k, &ev, now, &io);
}

static void new_view(struct keymode *k, struct sent *s, const term_view *v)
{
	shown = v;
	struct copymode_io io = io_of(s);
	keymode_view(k, now, &io);
}

static void type(struct keymode *k, struct sent *s, const char *text)
{
	for (; *text != '\0'; text++) {
		char name[2] = {*text, '\0'};
		press(k, s, *text == ' ' ? "Space" : name);
	}
}

static void expect(struct sent *s, const char *want)
{
	CHECKF(strcmp(s->log, want) == 0, "sent\n%s\nwant\n%s", s->log, want);
	s->log[0] = '\0';
}

static void client_keys(void)
{
	struct keymode k;
	struct sent s = {""};
	key_tables *kt = key_tables_new();
	key_defaults_bind(kt);
	char *nw[] = {"new-window"}, *modal[] = {"switch-client", "-T", "mine"};
	char *sel[] = {"select-window", "-t", ":1"};
	term_key f2 = key("F2"), m = key("m"), one = key("1");
	char *cause = NULL;
	CHECK(key_tables_bind(kt, "root", &f2, false, NULL, 1, nw, &cause) == 0);
	CHECK(key_tables_bind(kt, "prefix", &m, false, NULL, 3, modal, &cause) == 0);
	CHECK(key_tables_bind(kt, "mine", &one, false, NULL, 3, sel, &cause) == 0);
	kt->gen = 1;
	term_view *v = term_view_new(80, 24, 0);
	keymode_init(&k, COPYMODE_EMACS);
	shown = v;
	term_view_set_name(v, TERM_VIEW_WINDOW_NAME, "vim", 3);
	term_view_set_name(v, TERM_VIEW_PANE_INDEX, "0", 1);

	/* Keys before any tables are held, then handled. */
	press(&k, &s, "a");
	expect(&s, "");
	term_view_set_keys(v, kt);
	new_view(&k, &s, v);
	expect(&s, "key a\n");

	press(&k, &s, "F2");
	expect(&s, "cmd new-window\n");
	press(&k, &s, "C-b");
	press(&k, &s, "c");
	press(&k, &s, "c");
	expect(&s, "cmd new-window\nkey c\n");
	press(&k, &s, "C-b");
	press(&k, &s, "C-b");
	expect(&s, "key C-b\n"); /* send-prefix, here */
	press(&k, &s, "C-b");
	press(&k, &s, "Q"); /* unbound after the prefix: dropped */
	press(&k, &s, "d");
	expect(&s, "key d\n");

	/* A repeatable key repeats within repeat-time without the prefix; a key that
	 * does not repeat ends it and is looked up in root. */
	press(&k, &s, "C-b");
	press(&k, &s, "Up");
	now += 100;
	press(&k, &s, "Up");
	press(&k, &s, "Left");
	press(&k, &s, "x");
	expect(&s, "cmd select-pane -U\ncmd select-pane -U\ncmd select-pane -L\nkey x\n");
	press(&k, &s, "C-b");
	press(&k, &s, "Up");
	now += 600;
	struct copymode_io io = io_of(&s);
	keymode_tick(&k, now, &io);
	press(&k, &s, "Up");
	expect(&s, "cmd select-pane -U\nkey Up\n");

	/* switch-client -T: the next key in that table, then root again. */
	press(&k, &s, "C-b");
	press(&k, &s, "m");
	press(&k, &s, "1");
	press(&k, &s, "1");
	expect(&s, "cmd select-window -t :1\nkey 1\n");
	press(&k, &s, "C-b");
	press(&k, &s, "m");
	press(&k, &s, "2"); /* not in mine: nor in root, but mine was tried first */
	expect(&s, "");

	/* C-b x asks; n sends nothing, y the command. */
	press(&k, &s, "C-b");
	press(&k, &s, "x");
	CHECK(k.prompting && strcmp(k.ask.prompts[0], "kill-pane 0? (y/n) ") == 0);
	press(&k, &s, "n");
	CHECK(!k.prompting);
	press(&k, &s, "C-b");
	press(&k, &s, "x");
	press(&k, &s, "y");
	expect(&s, "cmd kill-pane\n");

	/* C-b , starts with the name; C-u clears it; the answer goes into the template. */
	press(&k, &s, "C-b");
	press(&k, &s, ",");
	CHECK(k.prompting && strcmp(k.prompt.line, "vim") == 0);
	CHECK(strcmp(k.ask.prompts[0], "(rename-window) ") == 0);
	press(&k, &s, "C-u");
	type(&k, &s, "my logs;");
	press(&k, &s, "Enter");
	expect(&s, "cmd rename-window -- my logs\\;\n");

	/* C-b : runs a line, its lists in order, the client's own commands here. */
	press(&k, &s, "C-b");
	press(&k, &s, ":");
	CHECK(strcmp(k.ask.prompts[0], ":") == 0);
	type(&k, &s, "split-window -h ; detach ; new-window");
	press(&k, &s, "Enter");
	expect(&s, "cmd split-window -h\ndetach\ncmd new-window\n");
	/* History: Up brings the line back. */
	press(&k, &s, "C-b");
	press(&k, &s, ":");
	press(&k, &s, "Up");
	CHECK(strcmp(k.prompt.line, "split-window -h ; detach ; new-window") == 0);
	press(&k, &s, "Escape");
	CHECK(!k.prompting);
	/* status-keys vi: Escape goes to command mode, q cancels there. */
	k.keys->opt.status_keys = KEY_STYLE_VI;
	press(&k, &s, "C-b");
	press(&k, &s, ":");
	type(&k, &s, "ab");
	press(&k, &s, "Escape");
	CHECK(k.prompting && k.prompt.vi && k.prompt.command);
	press(&k, &s, "q");
	CHECK(!k.prompting);
	k.keys->opt.status_keys = KEY_STYLE_EMACS;

	/* -p prompts, several, each answer its own %N. */
	term_view_set_run(v, 1, 5, (char *[]){"command-prompt", "-p", "a,b", "-I", "x,y"});
	new_view(&k, &s, v);
	CHECK(k.prompting && strcmp(k.ask.prompts[0], "a ") == 0 && strcmp(k.prompt.line, "x") == 0);
	press(&k, &s, "Enter");
	CHECK(k.prompting && strcmp(k.ask.prompts[1], "b ") == 0 && strcmp(k.prompt.line, "y") == 0);
	press(&k, &s, "Escape");
	CHECK(!k.prompting);
	term_view_set_run(v, 2, 4, (char *[]){"command-prompt", "-p", "a,b",
					      "rename-session %1-%2"});
	new_view(&k, &s, v);
	new_view(&k, &s, v); /* the same serial: run once */
	type(&k, &s, "x");
	press(&k, &s, "Enter");
	type(&k, &s, "y");
	press(&k, &s, "Enter");
	expect(&s, "cmd rename-session x-y\n");

	/* -k: any key answers with its name, Escape too; -1 wins over -k, as tmux. */
	term_view_set_run(v, 3, 5, (char *[]){"command-prompt", "-k", "-p", "key",
					      "rename-session 'k %%'"});
	new_view(&k, &s, v);
	CHECK(k.prompting && k.ask.key);
	press(&k, &s, "C-a");
	expect(&s, "cmd rename-session k C-a\n"); /* the words, one a space */
	term_view_set_run(v, 4, 3, (char *[]){"command-prompt", "-k", "rename-session '%%'"});
	new_view(&k, &s, v);
	press(&k, &s, "Escape");
	expect(&s, "cmd rename-session Escape\n");
	term_view_set_run(v, 5, 3, (char *[]){"command-prompt", "-1k", "rename-session '%%'"});
	new_view(&k, &s, v);
	CHECK(k.prompting && k.ask.single && !k.ask.key);
	press(&k, &s, "Escape"); /* -1: Escape cancels */
	CHECK(!k.prompting);
	expect(&s, "");

	/* list-keys is the server's: what it prints shows in view mode. */
	press(&k, &s, "C-b");
	press(&k, &s, "?");
	expect(&s, "cmd list-keys -N\n");

	keymode_clear(&k);
	term_view_unref(v);
	key_tables_unref(kt);
}

/* A pane of five rows "row N", no history, the cursor on the last row. */
static term_view *copy_view(key_tables *kt)
{
	term_view *v = term_view_new(20, 6, 1);
	term_snapshot *sn = term_snapshot_new(5, 20);
	for (unsigned r = 0; r < 5; r++) {
		term_cell c = term_cell_blank();
		char text[16];
		snprintf(text, sizeof text, "row %u", r);
		for (unsigned i = 0; text[i] != '\0'; i++) {
			uint32_t ch = (uint8_t)text[i];
			term_row_set(sn->lines[r], i, &c, &ch, 1);
		}
	}
	sn->cursor.row = 4;
	v->panes[0] = (term_view_pane){.id = 0, .screen = sn}; /* %0: a real first pane */
	v->mode_keys = 1;
	term_view_set_keys(v, kt);
	return v;
}

/* Copy mode's keys by the shipped copy-mode-vi table: its bindings run here, digits are
 * a repeat count, a rebinding takes effect, root's bindings still work, unbound keys go
 * nowhere, send-keys -X outside copy mode says so. */
static void client_copy_keys(void)
{
	struct keymode k;
	struct sent s = {""};
	key_tables *kt = key_tables_new();
	key_defaults_bind(kt);
	char *begin[] = {"send", "-X", "begin-selection"};
	char *yank[] = {"send-keys", "-X", "copy-selection-and-cancel"};
	char *nw[] = {"new-window"};
	term_key v_key = key("v"), y = key("y"), f2 = key("F2");
	char *cause = NULL;
	CHECK(key_tables_bind(kt, "copy-mode-vi", &v_key, false, NULL, 3, begin, &cause) == 0);
	CHECK(key_tables_bind(kt, "copy-mode-vi", &y, false, NULL, 3, yank, &cause) == 0);
	CHECK(key_tables_bind(kt, "root", &f2, false, NULL, 1, nw, &cause) == 0);
	kt->gen = 1;
	cache = histcache_new(100);
	term_view *v = copy_view(kt);
	keymode_init(&k, COPYMODE_EMACS);
	new_view(&k, &s, v);

	press(&k, &s, "C-b");
	press(&k, &s, "[");
	CHECK(k.copy.on && k.copy.keys == COPYMODE_VI && k.copy.cur.line == 4);
	press(&k, &s, "k");
	CHECK(k.copy.cur.line == 3);
	press(&k, &s, "2"); /* command-prompt -N: the count, then k with it */
	CHECK(k.prompting);
	press(&k, &s, "k");
	CHECK(!k.prompting && k.copy.cur.line == 1);
	press(&k, &s, "0");
	press(&k, &s, "v");
	press(&k, &s, "l");
	press(&k, &s, "l");
	press(&k, &s, "z"); /* bound nowhere: dropped */
	press(&k, &s, "F2"); /* root's binding */
	expect(&s, "cmd new-window\n");
	press(&k, &s, "y");
	expect(&s, "copied row\n");
	CHECK(!k.copy.on);
	press(&k, &s, "z");
	expect(&s, "key z\n");

	/* Run by the server (rsh send-keys -X / copy-mode -t): the pane by its id. */
	term_view_set_run(v, 1, 4, (char *[]){"copy-mode", "-u", "-t", "%0"});
	new_view(&k, &s, v);
	CHECK(k.copy.on && k.copy.pane == 0);
	term_view_set_run(v, 2, 7, (char *[]){"send-keys", "-X", "-N", "2", "-t", "%0",
					      "cursor-up"});
	uint64_t line = k.copy.cur.line;
	new_view(&k, &s, v);
	CHECK(k.copy.cur.line == line - 2);
	term_view_set_run(v, 3, 5, (char *[]){"send-keys", "-X", "-t", "%0", "nosuch"});
	new_view(&k, &s, v);
	CHECKF(strcmp(k.message, "unknown copy-mode command: nosuch") == 0, "%s", k.message);
	term_view_set_run(v, 4, 4, (char *[]){"copy-mode", "-q", "-t", "%0"});
	new_view(&k, &s, v);
	CHECK(!k.copy.on);
	term_view_set_run(v, 5, 5, (char *[]){"send-keys", "-X", "-t", "%0", "cursor-up"});
	new_view(&k, &s, v);
	CHECK(strcmp(k.message, "not in a mode") == 0);
	expect(&s, "");

	keymode_clear(&k);
	term_view_unref(v);
	key_tables_unref(kt);
	histcache_free(cache);
	cache = NULL;
}

/* tmux's default tables (generation 1), and a cache for copy mode. */
static key_tables *mouse_tables(void)
{
	key_tables *kt = key_tables_new();
	key_defaults_bind(kt);
	kt->gen = 1;
	cache = histcache_new(100);
	return kt;
}

static void mouse_done(struct keymode *k, term_view *v, key_tables *kt)
{
	keymode_clear(k);
	term_view_unref(v);
	key_tables_unref(kt);
	histcache_free(cache);
	cache = NULL;
}

/* The mouse by the copy tables' mouse keys (tmux's defaults, then a user's rebinding),
 * and tmux's root behaviour over a pane not in copy mode. */
static void client_mouse(void)
{
	struct keymode k;
	struct sent s = {""};
	key_tables *kt = mouse_tables();
	term_view *v = copy_view(kt);
	v->mouse = true;
	keymode_init(&k, COPYMODE_VI);
	new_view(&k, &s, v);
	struct copymode_io io = io_of(&s);
	term_mouse press = {.action = TERM_MOUSE_PRESS, .button = 1, .row = 1, .col = 0};
	term_mouse move = {.action = TERM_MOUSE_MOVE, .row = 1, .col = 2};
	term_mouse release = {.action = TERM_MOUSE_RELEASE, .button = 1, .row = 1, .col = 2};
	/* Root: the press runs MouseDown1Pane's select-pane -t = ; send-keys -M (the pane
	 * under the mouse, the event sent on); a drag enters copy mode (if-shell -F decided
	 * here: copy-mode -M) from the press; the copy table's MouseDragEnd1Pane copies
	 * (copy-pipe-and-cancel) and leaves. */
	CHECK(keymode_mouse(&k, &press, now, &io));
	expect(&s, "cmd select-pane -t %0\nmouse P1 1,0\n");
	CHECK(keymode_mouse(&k, &move, now + 10, &io) && k.copy.on && k.copy.dragging);
	CHECK(k.copy.anchor.line == 1 && k.copy.anchor.col == 0 && k.copy.cur.col == 2);
	move.col = 3;
	CHECK(keymode_mouse(&k, &move, now + 20, &io) && k.copy.cur.col == 3);
	CHECK(keymode_mouse(&k, &release, now + 30, &io) && !k.copy.on);
	expect(&s, "copied row | \n"); /* trailing blanks dropped */
	/* A user's MouseDragEnd1Pane: piped. */
	char *pipe[] = {"send", "-X", "copy-pipe-and-cancel", "cat > f"};
	term_key end = key("MouseDragEnd1Pane"), wheel = key("WheelUpPane");
	char *cause = NULL;
	CHECK(key_tables_bind(kt, "copy-mode-vi", &end, false, NULL, 4, pipe, &cause) == 0);
	kt->gen = 2;
	term_view_set_keys(v, kt);
	new_view(&k, &s, v);
	now += 1000;
	CHECK(keymode_mouse(&k, &press, now, &io));
	CHECK(keymode_mouse(&k, &move, now + 10, &io) && k.copy.on);
	CHECK(keymode_mouse(&k, &release, now + 20, &io) && !k.copy.on);
	expect(&s, "cmd select-pane -t %0\nmouse P1 1,0\ncopied row | cat > f\n");
	/* The wheel: copy-mode -e from root; in copy mode the table's -N 5 scroll-up (none
	 * here: no history), and a user's binding. */
	term_mouse up = {.action = TERM_MOUSE_PRESS, .button = 4, .row = 1, .col = 0};
	CHECK(keymode_mouse(&k, &up, now + 100, &io) && k.copy.on && k.copy.exit_at_bottom);
	char *cancel[] = {"send", "-X", "cancel"};
	CHECK(key_tables_bind(kt, "copy-mode-vi", &wheel, false, NULL, 3, cancel, &cause) == 0);
	kt->gen = 3;
	term_view_set_keys(v, kt);
	new_view(&k, &s, v);
	CHECK(keymode_mouse(&k, &up, now + 110, &io) && !k.copy.on);
	expect(&s, ""); /* the user's binding replaced the default's select-pane */
	/* A double click: DoubleClick1Pane once no third click came, the word selected, then
	 * after run-shell -d 0.3 copied. MouseUp1Pane and SecondClick1Pane, bound nowhere,
	 * go on to the pane. */
	now += 1000;
	press.col = 1;
	release.col = 1;
	CHECK(keymode_mouse(&k, &press, now, &io));
	CHECK(keymode_mouse(&k, &release, now + 10, &io));
	CHECK(keymode_mouse(&k, &press, now + 100, &io));
	CHECK(keymode_mouse(&k, &release, now + 110, &io) && !k.copy.on);
	expect(&s, "cmd select-pane -t %0\nmouse P1 1,1\nmouse R1 1,1\nmouse P1 1,1\n"
		   "mouse R1 1,1\n");
	CHECK(keymode_timeout(&k, now + 110) == 290);
	CHECK(keymode_tick(&k, now + 400, &io) && k.copy.on && k.copy.selecting);
	expect(&s, "cmd select-pane -t %0\n");
	CHECK(keymode_timeout(&k, now + 400) == 300);
	CHECK(keymode_tick(&k, now + 700, &io) && !k.copy.on);
	expect(&s, "copied row | \n");
	mouse_done(&k, v, kt);
}

/* A mouse event as the terminal reports it, in the client's cells. */
static term_mouse at(uint8_t action, uint8_t button, uint16_t row, uint16_t col)
{
	return (term_mouse){.action = action, .button = button, .row = row, .col = col};
}

static void mouse_sends(struct keymode *k, struct sent *s, term_mouse m, const char *want)
{
	struct copymode_io io = io_of(s);
	now += 1000; /* no double clicks */
	CHECK(keymode_mouse(k, &m, now, &io));
	expect(s, want);
}

/* Root's mouse keys at their places, as tmux finds them: a status range's window (the
 * window -t = names), status-right's range, a border, a pane; a user's rebinding and
 * unbinding; a program that takes the mouse gets the drag (if-shell -F decided here). */
static void client_mouse_places(void)
{
	struct keymode k;
	struct sent s = {""};
	key_tables *kt = mouse_tables();
	term_view *v = term_view_new(20, 6, 2);
	v->panes[0] = (term_view_pane){.id = 0, .screen = term_snapshot_new(5, 9)};
	v->panes[1] = (term_view_pane){.id = 1, .x = 10, .screen = term_snapshot_new(5, 10)};
	term_snapshot *status = term_snapshot_new(1, 20);
	term_view_set_status(v, status);
	term_snapshot_unref(status);
	term_view_range ranges[] = {
		{0, TERM_VIEW_RANGE_WINDOW, 0, 3, 0}, {0, TERM_VIEW_RANGE_WINDOW, 4, 3, 1},
		{0, TERM_VIEW_RANGE_RIGHT, 15, 5, 0},
	};
	term_view_set_ranges(v, ranges, 3);
	const char *why;
	CHECKF(term_view_check(v, &why), "%s", why);
	term_view_set_keys(v, kt);
	v->mouse = true;
	keymode_init(&k, COPYMODE_VI);
	new_view(&k, &s, v);
	mouse_sends(&k, &s, at(TERM_MOUSE_PRESS, 1, 5, 5), "cmd select-window -t :=1\n");
	mouse_sends(&k, &s, at(TERM_MOUSE_RELEASE, 1, 5, 5), ""); /* MouseUp1Status */
	mouse_sends(&k, &s, at(TERM_MOUSE_PRESS, 4, 5, 1), "cmd previous-window\n");
	mouse_sends(&k, &s, at(TERM_MOUSE_PRESS, 5, 5, 5), "cmd next-window\n");
	mouse_sends(&k, &s, at(TERM_MOUSE_PRESS, 5, 5, 9), ""); /* WheelDownStatusDefault */
	mouse_sends(&k, &s, at(TERM_MOUSE_PRESS, 5, 5, 16), ""); /* WheelDownStatusRight */
	mouse_sends(&k, &s, at(TERM_MOUSE_PRESS, 1, 2, 9), ""); /* MouseDown1Border */
	mouse_sends(&k, &s, at(TERM_MOUSE_RELEASE, 1, 2, 9), "");
	/* MouseDrag1Border: resize-pane -M, a DRAG event from the press, then one a motion
	 * to another cell, until the release. */
	mouse_sends(&k, &s, at(TERM_MOUSE_PRESS, 1, 2, 9), "");
	struct copymode_io dio = io_of(&s);
	term_mouse m1 = at(TERM_MOUSE_MOVE, 0, 2, 7), m2 = at(TERM_MOUSE_MOVE, 0, 3, 5),
		   up = at(TERM_MOUSE_RELEASE, 1, 3, 5);
	CHECK(keymode_mouse(&k, &m1, now + 10, &dio) && k.resizing);
	CHECK(keymode_mouse(&k, &m1, now + 20, &dio));
	CHECK(keymode_mouse(&k, &m2, now + 30, &dio));
	CHECK(keymode_mouse(&k, &up, now + 40, &dio) && !k.resizing);
	expect(&s, "drag 2,9 2,7\ndrag 2,7 3,5\nmouse R1 3,5\n"); /* MouseDragEnd1Pane */
	mouse_sends(&k, &s, at(TERM_MOUSE_PRESS, 1, 2, 12), "cmd select-pane -t %1\nmouse P1 2,12\n");
	mouse_sends(&k, &s, at(TERM_MOUSE_RELEASE, 1, 2, 12), "mouse R1 2,12\n");

	/* bind -n WheelUpStatus next-window; bind -n MouseDown1Border display-message -t =;
	 * unbind -n MouseDown1Pane. */
	char *next[] = {"next-window"}, *show[] = {"display-message", "-t", "=", "#{pane_id}"};
	term_key wheel = key("WheelUpStatus"), border = key("MouseDown1Border"),
		 down = key("MouseDown1Pane");
	char *cause = NULL;
	CHECK(key_tables_bind(kt, "root", &wheel, false, NULL, 1, next, &cause) == 0);
	CHECK(key_tables_bind(kt, "root", &border, false, NULL, 4, show, &cause) == 0);
	CHECK(key_tables_unbind(kt, "root", &down));
	kt->gen = 2;
	term_view_set_keys(v, kt);
	new_view(&k, &s, v);
	mouse_sends(&k, &s, at(TERM_MOUSE_PRESS, 4, 5, 1), "cmd next-window\n");
	mouse_sends(&k, &s, at(TERM_MOUSE_PRESS, 1, 2, 9), "cmd display-message -t %0 #{pane_id}\n");
	mouse_sends(&k, &s, at(TERM_MOUSE_PRESS, 1, 2, 12), "mouse P1 2,12\n");
	/* The drag over a pane whose program takes the mouse: send-keys -M, no copy mode. */
	v->panes[1].screen->modes |= TERM_MODE_MOUSE_DRAG;
	struct copymode_io io = io_of(&s);
	term_mouse drag = at(TERM_MOUSE_MOVE, 0, 3, 13);
	CHECK(keymode_mouse(&k, &drag, now + 10, &io) && !k.copy.on);
	expect(&s, "mouse M0 3,13\n");
	v->panes[1].screen->modes &= ~TERM_MODE_MOUSE_DRAG;
	CHECK(keymode_mouse(&k, &drag, now + 20, &io) && k.copy.on && k.copy.pane == 1);
	mouse_done(&k, v, kt);
}

int main(void)
{
	defaults_parse();
	client_copy_keys();
	client_mouse();
	client_mouse_places();
	bind_unbind_wire();
	command_lists();
	list_format();
	prompt_texts();
	client_keys();
	return 0;
}
