/*
 * copy-pipe and pipe through the real client, as tmux 3.3's: in copy-mode-vi, a
 * selection and `y` bound to `send -X copy-pipe-and-cancel 'cat > FILE'` (FILE a format:
 * #{pane_id}) leave FILE holding exactly the selected text and the text the newest paste
 * buffer; Enter's default copy-pipe-and-cancel, with no command, pipes to the copy-command
 * option; `pipe-and-cancel` pipes and keeps no buffer; with copy-command empty Enter only
 * copies. With the mouse on, copy-mode-vi's mouse keys drive it: a user's
 * `bind -T copy-mode-vi MouseDragEnd1Pane send -X copy-pipe-and-cancel 'cat > FILE'`
 * pipes a drag's selection; the default DoubleClick1Pane copies the word after its pause.
 * The mark (X, then M-x) is drawn as tmux draws it. copy-mode -s %0 -t %1 shows pane 0's
 * lines in pane 1. A line longer than the pane copies as one line where the terminal
 * wrapped it, as tmux copies it after the same keys (run on tmux when it is installed).
 * Copy commands given a buffer name prefix (copy-selection-and-cancel myprefix,
 * copy-pipe CMD PREFIX...) make the buffers tmux makes after the same keys.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "attach_harness.h"
#include "check.h"
#include "util/xmalloc.h"

#define PREFIX "\002"

/* The file's bytes, or NULL when it cannot be read; to free. */
static char *file_text(const char *path)
{
	FILE *f = fopen(path, "r");
	if (f == NULL)
		return NULL;
	char *buf = xmalloc(8192);
	size_t n = fread(buf, 1, 8191, f);
	fclose(f);
	buf[n] = '\0';
	return buf;
}

/* Waits until the file at path holds exactly want. */
static void wait_file(harness_client *c, const char *path, const char *want)
{
	for (int waited = 0;; waited += 50) {
		char *got = file_text(path);
		bool same = got != NULL && strcmp(got, want) == 0;
		if (same || waited > HARNESS_TIMEOUT_MS)
			CHECKF(same, "%s holds '%s', not '%s'", path, got ? got : "(none)", want);
		free(got);
		if (same)
			return;
		harness_pump(c, 50);
	}
}

static bool output_has(harness_client *c, void *arg)
{
	return strstr(harness_client_output(c, NULL), arg) != NULL;
}

/* The mark's cell (row 1, col 2) red on black, the rest of its line black on red. */
static bool mark_shown(harness_client *c, void *arg)
{
	(void)arg;
	term_cell mark = harness_cell(c, 1, 2), line = harness_cell(c, 1, 0);
	return mark.fg == TERM_COLOUR_PALETTE(1) && mark.bg == TERM_COLOUR_PALETTE(0) &&
	       line.fg == TERM_COLOUR_PALETTE(0) && line.bg == TERM_COLOUR_PALETTE(1);
}

/* Whether the right half of the client's screen (pane 1 after split-window -h) shows text. */
static bool right_has(harness_client *c, void *arg)
{
	char *right = harness_rect(c, 41, 0, 39, 23);
	bool has = strstr(right, arg) != NULL;
	free(right);
	return has;
}

/* Copy mode, the cursor to the start of the line above the prompt, a selection begun. */
static void select_line_above(harness_client *c)
{
	harness_send(c, PREFIX "[");
	harness_wait_text(c, "[0/");
	harness_send(c, "k0 ");
}

/* The text `seq -s '' 1 60` prints (111 characters), cut to n characters. */
static char *seq_text(size_t n)
{
	char *all = xmalloc(128);
	size_t len = 0;
	for (int i = 1; i <= 60; i++)
		len += (size_t)snprintf(all + len, 128 - len, "%d", i);
	all[n < len ? n : len] = '\0';
	return all;
}

/*
 * What tmux 3.3a copies in an 80-column pane showing seq's line after copy-mode and the
 * keys, with mode-keys vi and y bound as the rsh server's config binds it; NULL without
 * tmux. To free.
 */
static char *tmux_copies(const char *keys)
{
	const char *dir = harness_dir();
	char *script, *out;
	xasprintf(&out, "%s/tmux.y", dir);
	xasprintf(&script,
		  "command -v tmux >/dev/null || exit 77\n"
		  "printf '%%s\\n' 'setw -g mode-keys vi' \"bind -T copy-mode-vi y send -X "
		  "copy-pipe-and-cancel 'cat > %s'\" > %s/tmux.conf\n"
		  "t() { tmux -S %s/tmux -f %s/tmux.conf \"$@\"; }\n"
		  "rm -f %s\n"
		  "t new -d -x 80 -y 24 \"seq -s '' 1 60; exec sleep 1000\" || exit 1\n"
		  "i=0; until t capture-pane -p | grep -q 5960; do\n"
		  "  i=$((i + 1)); [ $i -lt 200 ] || exit 1; sleep 0.05; done\n"
		  "t copy-mode && t send-keys %s\n"
		  "i=0; until [ -s %s ]; do i=$((i + 1)); [ $i -lt 200 ] || break; sleep 0.05; done\n"
		  "t kill-server\n",
		  out, dir, dir, dir, out, keys, out);
	int rc = system(script);
	free(script);
	char *text = rc == 0 ? file_text(out) : NULL;
	CHECKF(rc == 0 || WEXITSTATUS(rc) == 77, "tmux's run failed: %d", rc);
	free(out);
	return text;
}

/* In a window of its own showing seq's 111 characters on two rows of 80 columns, copy
 * mode and the keys (vi's: H to the top row, space to begin, j, l, V, y to copy through
 * `cat > #{pane_id}.y`) copy want, as tmux does after the same keys. */
static void check_wrapped_copy(harness_client *c, const char *keys, const char *tmux_keys,
			       const char *want)
{
	CHECK(harness_rsh(NULL, "new-window", "-t", "work", "seq -s '' 1 60; exec sleep 1000",
			  (char *)NULL) == 0);
	harness_wait_text(c, "5960");
	char *id = NULL, *path;
	CHECK(harness_rsh(&id, "display-message", "-p", "-t", "work", "#{pane_id}",
			  (char *)NULL) == 0);
	id[strcspn(id, "\n")] = '\0';
	xasprintf(&path, "%s/%s.y", harness_dir(), id);
	harness_send(c, PREFIX "[");
	harness_wait_text(c, "[0/");
	harness_send(c, keys);
	wait_file(c, path, want);
	char *tmux = tmux_copies(tmux_keys);
	CHECKF(tmux == NULL || strcmp(tmux, want) == 0, "tmux copied '%s'", tmux);
	free(tmux);
	CHECK(harness_rsh(NULL, "kill-window", "-t", "work", (char *)NULL) == 0);
	free(path);
	free(id);
}

/* Copy commands naming their buffers (tmux's prefix argument), bound to F1..F7 in
 * copy-mode-vi in both rsh's config and tmux's. */
#define PREFIX_BINDS \
	"bind -T copy-mode-vi F1 send -X copy-selection-and-cancel myprefix\n" \
	"bind -T copy-mode-vi F2 send -X copy-line 'L#{pane_index}-'\n" \
	"bind -T copy-mode-vi F3 send -X copy-end-of-line-and-cancel ''\n" \
	"bind -T copy-mode-vi F4 send -X copy-pipe-and-cancel 'cat >/dev/null' pp\n" \
	"bind -T copy-mode-vi F5 send -X copy-selection-no-clear nc\n" \
	"bind -T copy-mode-vi F6 send -X copy-pipe-line-and-cancel '' pl\n" \
	"bind -T copy-mode-vi F7 send -X copy-selection-and-cancel nothing\n"

/* Each step: copy mode, then these keys (tmux's names; rsh's bytes), the buffer it makes
 * (NULL for none). */
static const struct {
	const char *tmux, *rsh, *made;
} prefix_steps[] = {
	{"k 0 Space l l F1", "k0 ll\033OP", "myprefix0"},
	{"k 0 F2 q", "k0\033OQq", "L0-1"},
	{"k 0 l l F3", "k0ll\033OR", "2"},
	{"k 0 Space l F4", "k0 l\033OS", "pp3"},
	{"k 0 Space l F5 q", "k0 l\033[15~q", "nc4"},
	{"k F6", "k\033[17~", "pl5"},
	{"k 0 Space Enter", "k0 \r", "buffer6"},
	{"F7", "\033[18~", NULL}, /* nothing selected: no buffer, copy mode left */
};

/* list-buffers in tmux 3.3a after prefix_steps on a pane showing "one-2 two" above the
 * cursor; NULL without tmux. To free. */
static char *tmux_prefix_buffers(void)
{
	const char *dir = harness_dir();
	char *script, *keys = xstrdup(""), *out;
	for (size_t i = 0; i < sizeof prefix_steps / sizeof prefix_steps[0]; i++) {
		char *more;
		xasprintf(&more, "%st copy-mode && t send-keys %s\n", keys, prefix_steps[i].tmux);
		free(keys);
		keys = more;
	}
	xasprintf(&out, "%s/tmux.buffers", dir);
	xasprintf(&script,
		  "command -v tmux >/dev/null || exit 77\n"
		  "cat > %s/prefix.conf <<'EOF'\nsetw -g mode-keys vi\n" PREFIX_BINDS "EOF\n"
		  "t() { tmux -S %s/tmux -f %s/prefix.conf \"$@\"; }\n"
		  "t new -d -x 80 -y 24 \"printf 'one-2 two\\n'; exec sleep 1000\" || exit 1\n"
		  "i=0; until t capture-pane -p | grep -q two; do\n"
		  "  i=$((i + 1)); [ $i -lt 200 ] || exit 1; sleep 0.05; done\n"
		  "%s"
		  "t list-buffers > %s\n"
		  "t kill-server\n",
		  dir, dir, dir, keys, out);
	int rc = system(script);
	free(script);
	free(keys);
	char *text = rc == 0 ? file_text(out) : NULL;
	CHECKF(rc == 0 || WEXITSTATUS(rc) == 77, "tmux's run failed: %d", rc);
	free(out);
	return text;
}

/* The buffers copies name with a prefix argument, as tmux names them (paste_add: the
 * prefix and the next index of all automatic buffers); run first, on a server with no
 * buffers yet. They are deleted after. */
static void prefixed_buffers(harness_client *c)
{
	for (size_t i = 0; i < sizeof prefix_steps / sizeof prefix_steps[0]; i++) {
		harness_send(c, PREFIX "[");
		harness_wait_text(c, "[0/");
		harness_send(c, prefix_steps[i].rsh);
		if (prefix_steps[i].made != NULL) {
			char *pattern;
			xasprintf(&pattern, "^%s$", prefix_steps[i].made);
			harness_wait_rsh(c, pattern, "list-buffers", "-F", "#{buffer_name}",
					 (char *)NULL);
			free(pattern);
		}
		harness_wait_match(c, "work", "work"); /* out of copy mode */
	}
	char *out = NULL, *tmux = tmux_prefix_buffers();
	CHECK(harness_rsh(&out, "list-buffers", (char *)NULL) == 0);
	static const char want[] = "buffer6: 1 bytes: \"o\"\n"
				   "pl5: 10 bytes: \"one-2 two\\n\"\n"
				   "nc4: 2 bytes: \"on\"\n"
				   "pp3: 2 bytes: \"on\"\n"
				   "2: 8 bytes: \"e-2 two\\n\"\n"
				   "L0-1: 10 bytes: \"one-2 two\\n\"\n"
				   "myprefix0: 3 bytes: \"one\"\n";
	CHECKF(strcmp(out, want) == 0, "rsh's buffers:\n%s", out);
	CHECKF(tmux == NULL || strcmp(tmux, want) == 0, "tmux's buffers:\n%s", tmux);
	free(tmux);
	free(out);
	for (size_t i = 0; i < sizeof prefix_steps / sizeof prefix_steps[0]; i++)
		if (prefix_steps[i].made != NULL)
			CHECK(harness_rsh(NULL, "delete-buffer", "-b", prefix_steps[i].made,
					  (char *)NULL) == 0);
}

int main(void)
{
	harness_init();
	const char *dir = harness_dir();
	char *config;
	xasprintf(&config,
		  "setw -g mode-keys vi\n"
		  "set -s copy-command 'cat > %s/enter'\n"
		  "bind -T copy-mode-vi y send -X copy-pipe-and-cancel 'cat > %s/#{pane_id}.y'\n"
		  "bind -T copy-mode-vi p send -X pipe-and-cancel 'cat > %s/piped'\n" PREFIX_BINDS,
		  dir, dir, dir);
	char *path = harness_write_file("pipe.conf", config);
	CHECK(harness_rsh(NULL, "-f", path, "new", "-d", "-s", "work", (char *)NULL) == 0);
	harness_client *c = harness_client_start(80, 24, "attach", "-t", "work", (char *)NULL);
	harness_wait_text(c, "$");
	harness_send(c, "echo one-$((1+1)) two\r");
	harness_wait_line(c, "one-2 two");
	prefixed_buffers(c);

	/* y: the line to its end, to the command and a buffer. */
	char *y, *enter, *piped;
	xasprintf(&y, "%s/%%0.y", dir);
	xasprintf(&enter, "%s/enter", dir);
	xasprintf(&piped, "%s/piped", dir);
	select_line_above(c);
	harness_send(c, "$y");
	wait_file(c, y, "one-2 two\n"); /* tmux 3.3a: vi's $ goes past the text, so the
					  * newline after it is copied */
	harness_wait_rsh(c, "^one-2 two$", "show-buffer", (char *)NULL);

	/* Enter, no command: copy-command's; vi's selection holds the cursor's cell. */
	select_line_above(c);
	harness_send(c, "lll\r");
	wait_file(c, enter, "one-");
	harness_wait_rsh(c, "^one-$", "show-buffer", (char *)NULL);

	/* pipe-and-cancel: the command only, no buffer. */
	select_line_above(c);
	harness_send(c, "llllp");
	wait_file(c, piped, "one-2");
	harness_wait_match(c, "work", "work"); /* left copy mode */
	char *out = NULL;
	CHECK(harness_rsh(&out, "list-buffers", (char *)NULL) == 0);
	unsigned lines = 0;
	for (const char *p = out; (p = strchr(p, '\n')) != NULL; p++)
		lines++;
	CHECKF(lines == 2 && strstr(out, "\"one-\"\n") != NULL &&
	       strstr(out, "\"one-2 two\\n\"\n") != NULL, "buffers: '%s'", out);
	free(out);

	/* copy-command empty: Enter copies and runs nothing. */
	CHECK(harness_rsh(NULL, "set", "-s", "copy-command", "", (char *)NULL) == 0);
	select_line_above(c);
	harness_send(c, "ll\r");
	harness_wait_rsh(c, "^one$", "show-buffer", (char *)NULL);
	wait_file(c, enter, "one-");

	/* The mouse: the client's terminal reports drags once the option is on. */
	char *drag, *bind;
	xasprintf(&drag, "%s/dragged", dir);
	xasprintf(&bind, "bind -T copy-mode-vi MouseDragEnd1Pane send -X copy-pipe-and-cancel "
		  "'cat > %s'", drag);
	char *mouse_conf = harness_write_file("mouse.conf", bind);
	CHECK(harness_rsh(NULL, "source-file", mouse_conf, (char *)NULL) == 0);
	free(mouse_conf);
	CHECK(harness_rsh(NULL, "set", "-g", "mouse", "on", (char *)NULL) == 0);
	harness_wait(c, output_has, "\033[?1002h", "the client's terminal reporting drags");
	harness_send(c, "\033[<0;1;2M\033[<32;3;2M\033[<32;5;2M\033[<0;5;2m");
	wait_file(c, drag, "one-2");
	harness_wait_match(c, "work", "work"); /* left copy mode */
	harness_idle(c, HARNESS_CLICK_PAUSE_MS); /* the drag's press no longer counts */
	harness_send(c, "\033[<0;8;2M\033[<0;8;2m\033[<0;8;2M\033[<0;8;2m");
	harness_wait_rsh(c, "^two$", "show-buffer", (char *)NULL);
	harness_wait_match(c, "work", "work");

	/* The mark: set on the line above the prompt, shown once the cursor jumps back to
	 * where copy mode began: its line black on red, its cell red on black. */
	harness_send(c, PREFIX "[");
	harness_wait_text(c, "[0/");
	harness_send(c, "k0llX\033x");
	harness_wait(c, mark_shown, NULL, "the mark drawn on row 1");
	CHECK(harness_cell(c, 1, 0).bg == TERM_COLOUR_PALETTE(1) &&
	      harness_cell(c, 1, 70).bg == TERM_COLOUR_PALETTE(1) &&
	      harness_cell(c, 0, 0).bg == TERM_COLOUR_DEFAULT);
	harness_send(c, "q");
	harness_wait_match(c, "work", "work");

	/* -s: pane 1 (right) shows pane 0's lines until q. */
	CHECK(harness_rsh(NULL, "split-window", "-h", "-t", "work", (char *)NULL) == 0);
	harness_wait_rsh(c, "^1$", "display-message", "-p", "-t", "work", "#{pane_index}",
			 (char *)NULL);
	harness_wait_match(c, "work", "work");
	CHECK(harness_rsh(NULL, "copy-mode", "-s", "%0", "-t", "%1", (char *)NULL) == 0);
	harness_wait(c, right_has, "one-2 two", "pane 0's line in pane 1");
	harness_send(c, "q");
	harness_wait_match(c, "work", "work");
	CHECK(!right_has(c, "one-2 two"));

	/* A wrapped line: across its wrap no newline; the whole of it by V, vi's newline. */
	char *joined = seq_text(83), *whole = seq_text(111), *whole_nl;
	xasprintf(&whole_nl, "%s\n", whole);
	check_wrapped_copy(c, "H jlly", "H Space j l l y", joined);
	check_wrapped_copy(c, "HVy", "H V y", whole_nl);
	free(joined);
	free(whole);
	free(whole_nl);

	free(drag);
	free(bind);
	free(y);
	free(enter);
	free(piped);
	free(path);
	free(config);
	harness_detach(c);
	return 0;
}
