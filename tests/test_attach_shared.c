/*
 * Many clients on one session, each in a state of its own, drawn from a seed: plain, in a
 * chooser (C-b s), in copy mode (C-b [), at a prompt (C-b :), at one of two sizes. The
 * server composes a view once per session and size in a turn and shares the screen
 * diffs between clients (docs/server.md, "Many clients"), so this checks that every
 * client still sees its own view while the pane prints: a plain client exactly the
 * server's panes (capture-pane) and status line, one in a mode that mode's drawing
 * (the chooser's lines, copy mode's position, the prompt's text), and each, once it
 * leaves its mode, the panes again. Three rounds of new states; RSH_TEST_SEED replays.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "attach_harness.h"
#include "check.h"
#include "util/xmalloc.h"

#define PREFIX "\002"
#define CLIENTS 6
#define ROUNDS 3

enum state { PLAIN, CHOOSER, COPY, PROMPT, STATES };

struct client {
	harness_client *h;
	unsigned cols, rows;
	enum state state;
	char prompt[32]; /* what it typed at its prompt */
};

static uint64_t rng;

static unsigned below(unsigned n)
{
	rng = rng * 6364136223846793005ull + 1442695040888963407ull;
	return (unsigned)(rng >> 33) % n;
}

/* Copy mode's position, [N/M], at the end of the top row. */
static bool shows_position(harness_client *h, void *arg)
{
	(void)arg;
	char *top = harness_row(h, 0);
	const char *open = strrchr(top, '[');
	unsigned a, b;
	char close = 0;
	bool ok = open != NULL && sscanf(open, "[%u/%u%c", &a, &b, &close) == 3 && close == ']';
	free(top);
	return ok;
}

static bool row_starts(harness_client *h, unsigned row, const char *text)
{
	char *line = harness_row(h, row);
	bool ok = strncmp(line, text, strlen(text)) == 0;
	free(line);
	return ok;
}

struct row_text {
	unsigned row;
	const char *text;
};

static bool starts(harness_client *h, void *arg)
{
	const struct row_text *rt = arg;
	return row_starts(h, rt->row, rt->text);
}

/* Waits until the client shows its state's own drawing. */
static void wait_state(struct client *c)
{
	switch (c->state) {
	case PLAIN:
		harness_wait_match(c->h, "work", "work");
		break;
	case CHOOSER:
		harness_wait_line(c->h, "(0) + work: 1 windows (attached)");
		break;
	case COPY:
		harness_wait(c->h, shows_position, NULL, "copy mode's position on the top row");
		break;
	case PROMPT: {
		struct row_text rt = {c->rows - 1, c->prompt};
		harness_wait(c->h, starts, &rt, c->prompt);
		break;
	}
	case STATES:
		break;
	}
}

/* Checks, without waiting beyond what has arrived, that a client in a mode shows it. */
static void still(struct client *c, unsigned i)
{
	harness_pump(c->h, 100);
	bool ok = true;
	if (c->state == CHOOSER) {
		char *first = harness_row(c->h, 0);
		ok = strcmp(first, "(0) + work: 1 windows (attached)") == 0;
		free(first);
	} else if (c->state == COPY) {
		ok = shows_position(c->h, NULL);
	} else if (c->state == PROMPT) {
		ok = row_starts(c->h, c->rows - 1, c->prompt);
	}
	if (!ok)
		harness_fail(c->h, "client %u lost its own view (state %d)", i, (int)c->state);
}

static void enter(struct client *c, unsigned round, unsigned i)
{
	switch (c->state) {
	case CHOOSER:
		harness_send(c->h, PREFIX "s");
		break;
	case COPY:
		harness_send(c->h, PREFIX "[");
		break;
	case PROMPT:
		snprintf(c->prompt, sizeof c->prompt, ":display-message r%uc%u", round, i);
		harness_send(c->h, PREFIX ":");
		harness_send(c->h, c->prompt + 1);
		break;
	case PLAIN:
	case STATES:
		break;
	}
	wait_state(c);
}

static void leave(struct client *c)
{
	if (c->state == CHOOSER || c->state == COPY)
		harness_send(c->h, "q");
	else if (c->state == PROMPT)
		harness_send(c->h, "\033"); /* Escape: the prompt goes, nothing runs */
	c->state = PLAIN;
	wait_state(c);
}

/* The pane prints a seeded number of lines and a marker; waits until the server has it. */
static void print_lines(unsigned round)
{
	char cmd[96], marker[32];
	unsigned n = 20 + below(200);
	snprintf(cmd, sizeof cmd, "seq 1 %u; echo done-$((%u+1))", n, round);
	snprintf(marker, sizeof marker, "^done-%u$", round + 1);
	CHECK(harness_rsh(NULL, "send-keys", "-t", "work", cmd, "Enter", (char *)NULL) == 0);
	harness_wait_rsh(NULL, marker, "capture-pane", "-p", "-t", "work", (char *)NULL);
}

int main(void)
{
	harness_init();
	unsigned long seed = test_seed();
	printf("seed %lu (RSH_TEST_SEED replays)\n", seed);
	rng = seed;
	CHECK(harness_rsh(NULL, "new", "-d", "-s", "work", "-x", "80", "-y", "23",
			  (char *)NULL) == 0);
	struct client cs[CLIENTS];
	for (unsigned i = 0; i < CLIENTS; i++) {
		bool big = below(3) == 0;
		cs[i] = (struct client){.cols = big ? 100 : 80, .rows = big ? 30 : 24};
		cs[i].h = harness_client_start(cs[i].cols, cs[i].rows, "attach", "-t", "work",
					       (char *)NULL);
		harness_wait_text(cs[i].h, "[work]");
	}
	for (unsigned round = 0; round < ROUNDS; round++) {
		for (unsigned i = 0; i < CLIENTS; i++) {
			cs[i].state = (enum state)below(STATES);
			enter(&cs[i], round, i);
		}
		print_lines(round);
		/* The plain clients show the output; the others, over it, their own modes
		 * still (they got their frames in the same turns as the plain ones). */
		for (unsigned i = 0; i < CLIENTS; i++)
			if (cs[i].state == PLAIN)
				wait_state(&cs[i]);
		for (unsigned i = 0; i < CLIENTS; i++)
			still(&cs[i], i);
		for (unsigned i = 0; i < CLIENTS; i++)
			leave(&cs[i]);
		for (unsigned i = 0; i < CLIENTS; i++)
			harness_wait_match(cs[i].h, "work", "work");
	}
	for (unsigned i = 0; i < CLIENTS; i++)
		harness_client_free(cs[i].h);
	return 0;
}
