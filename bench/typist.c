/* A typist watching the client's screen: see typist.h. */
#include "typist.h"

#include <stdlib.h>
#include <string.h>

#include "util/xmalloc.h"

void typist_init(struct typist *t, harness_client *client, const char *text)
{
	memset(t, 0, sizeof *t);
	t->client = client;
	t->text = text;
	t->keys = strlen(text);
	harness_cursor(client, &t->row, &t->col);
	t->sent_at = xcalloc(t->keys, sizeof *t->sent_at);
	t->shown_at = xcalloc(t->keys, sizeof *t->shown_at);
	t->wrong = xcalloc(t->keys, sizeof *t->wrong);
}

void typist_free(struct typist *t)
{
	free(t->sent_at);
	free(t->shown_at);
	free(t->wrong);
	free(t->wrong_row);
}

void typist_key(struct typist *t, double now)
{
	char key[2] = { t->text[t->sent], '\0' };
	t->sent_at[t->sent++] = now;
	harness_send(t->client, key);
}

/* Key i's place shows its character; a space, once the cursor or a later key is past it. */
static bool shows(const struct typist *t, size_t i, char cell, bool later_shown)
{
	unsigned row, col;
	if (t->text[i] != ' ')
		return cell == t->text[i];
	harness_cursor(t->client, &row, &col);
	return cell == ' ' && (later_shown || (row == t->row && col > t->col + i));
}

static void mark_wrong(struct typist *t, size_t key, const char *line, double now)
{
	t->wrong[key] = true;
	if (t->wrong_row == NULL) {
		t->wrong_row = xstrdup(line);
		t->wrong_at = now;
		t->wrong_key = key;
	}
}

void typist_observe(struct typist *t, double now)
{
	char *line = harness_row(t->client, t->row);
	size_t len = strlen(line);
	bool later_shown = false;
	/* From the last place back, so a space knows whether a later key showed. */
	for (size_t i = t->keys; i-- > 0;) {
		size_t at = t->col + i;
		char cell = at < len ? line[at] : ' ';
		if (i >= t->sent) {
			/* Something where nothing was typed yet: the latest key went there. */
			if (cell != ' ' && t->sent > 0)
				mark_wrong(t, t->sent - 1, line, now);
			continue;
		}
		bool ok = shows(t, i, cell, later_shown);
		if (ok && t->shown_at[i] == 0)
			t->shown_at[i] = now;
		/* Shown, then gone or changed; or another character at its place. */
		if ((!ok && t->shown_at[i] != 0 && t->text[i] != ' ') ||
		    (cell != ' ' && cell != t->text[i]))
			mark_wrong(t, i, line, now);
		later_shown |= t->shown_at[i] != 0;
	}
	free(line);
}

bool typist_done(const struct typist *t)
{
	if (t->sent < t->keys)
		return false;
	char *line = harness_row(t->client, t->row);
	size_t len = strlen(line), want = t->keys;
	while (want > 0 && t->text[want - 1] == ' ')
		want--;
	unsigned row, col;
	harness_cursor(t->client, &row, &col);
	bool done = len == t->col + want && memcmp(line + t->col, t->text, want) == 0 &&
		    row == t->row && col == t->col + t->keys;
	free(line);
	return done;
}
