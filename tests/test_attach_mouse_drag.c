/*
 * Dragging borders with the mouse (MouseDrag1Border: resize-pane -M) through the real
 * client: SGR mouse reports fed to the client's terminal move the borders under the press
 * by the pointer's moves, as tmux's cmd_resize_pane_mouse_update does, a corner moving
 * both. When tmux is installed, tmux attached in a pty of the same size is fed the same
 * bytes and must end each drag with the same panes (and the sizes it gave when this test
 * was written are checked either way).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "attach_harness.h"
#include "check.h"

#define COLS 80
#define ROWS 24
#define PANES_FORMAT "#{pane_index}:#{pane_width}x#{pane_height}@#{pane_left},#{pane_top}"

/* A drag (press, motions, release: SGR reports) and the panes after it. */
static const struct {
	const char *bytes, *panes;
} drags[] = {
	/* the vertical border (column 40) left to 30 then 24, the pointer off the row */
	{"\033[<0;41;6M\033[<32;31;6M\033[<32;25;7M\033[<0;25;7m",
	 "0:24x11@0,0 1:24x11@0,12 2:55x11@25,0 3:55x11@25,12"},
	/* the right column's border (row 11) down to 15, up to 13 */
	{"\033[<0;60;12M\033[<32;60;16M\033[<32;61;14M\033[<0;61;14m",
	 "0:24x11@0,0 1:24x11@0,12 2:55x13@25,0 3:55x9@25,14"},
	/* the vertical border right past the far edge: as far as the panes go */
	{"\033[<0;25;3M\033[<32;60;3M\033[<32;79;3M\033[<0;79;3m",
	 "0:78x11@0,0 1:78x11@0,12 2:1x13@79,0 3:1x9@79,14"},
	/* back to 70: the pointer's move, not its place, counts (tmux's deltas) */
	{"\033[<0;79;9M\033[<32;70;9M\033[<0;70;9m",
	 "0:69x11@0,0 1:69x11@0,12 2:10x13@70,0 3:10x9@70,14"},
	/* a corner: the left column's border row (11) and the vertical border (69) at once */
	{"\033[<0;70;12M\033[<32;66;10M\033[<0;66;10m",
	 "0:65x9@0,0 1:65x13@0,10 2:14x13@66,0 3:14x9@66,14"},
};
#define NDRAGS (sizeof drags / sizeof *drags)

/* The panes of session w as one line, from rsh or (tmux_sock) tmux; allocated. */
static char *panes(const char *tmux_sock)
{
	char *cmd, line[128], *out = calloc(1, 1);
	size_t len = 0;
	if (tmux_sock != NULL)
		asprintf(&cmd, "tmux -S %s list-panes -t w -F '%s'", tmux_sock, PANES_FORMAT);
	else
		asprintf(&cmd, "%s -S %s list-panes -t w -F '%s'", harness_rsh_path(),
			 harness_socket(), PANES_FORMAT);
	FILE *f = popen(cmd, "r");
	while (f != NULL && fgets(line, sizeof line, f) != NULL) {
		line[strcspn(line, "\n")] = '\0';
		out = realloc(out, len + strlen(line) + 2);
		len += (size_t)sprintf(out + len, "%s%s", len > 0 ? " " : "", line);
	}
	if (f != NULL)
		pclose(f);
	free(cmd);
	return out;
}

/* Waits (polling, the harness's patience) until the panes read want. */
static void wait_panes(harness_client *c, const char *tmux_sock, const char *want, size_t i)
{
	char *have = NULL;
	for (int tries = 0; tries < 200; tries++) {
		free(have);
		have = panes(tmux_sock);
		if (strcmp(have, want) == 0)
			break;
		harness_pump(c, 50);
	}
	CHECKF(strcmp(have, want) == 0, "drag %zu, %s: panes '%s', want '%s'", i,
	       tmux_sock != NULL ? "tmux" : "rsh", have, want);
	free(have);
}

static const char *const setup[][4] = {
	{"split-window", "-h", "-t", "w"}, {"split-window", "-v", "-t", "w:0.1"},
	{"select-pane", "-t", "w:0.0", NULL}, {"split-window", "-v", "-t", "w:0.0"},
};

static bool have_tmux(void)
{
	return system("tmux -V >/dev/null 2>&1") == 0;
}

/* tmux attached to a session made as rsh's was, in a pty of the same size. */
static harness_client *tmux_start(const char *sock)
{
	char *cmd;
	asprintf(&cmd, "tmux -S %s -f /dev/null new -d -s w -x %d -y %d && "
		 "tmux -S %s set -g mouse on", sock, COLS, ROWS, sock);
	CHECK(system(cmd) == 0);
	free(cmd);
	for (size_t i = 0; i < sizeof setup / sizeof *setup; i++) {
		asprintf(&cmd, "tmux -S %s %s %s %s %s", sock, setup[i][0], setup[i][1],
			 setup[i][2], setup[i][3] != NULL ? setup[i][3] : "");
		CHECK(system(cmd) == 0);
		free(cmd);
	}
	char *argv[] = {"/bin/sh", "-c", NULL, NULL};
	asprintf(&argv[2], "exec tmux -S %s attach -t w", sock);
	harness_client *t = harness_program_start(COLS, ROWS, argv);
	free(argv[2]);
	harness_wait_text(t, "[w] 0:");
	return t;
}

int main(void)
{
	harness_init();
	CHECK(harness_rsh(NULL, "new", "-d", "-s", "w", (char *)NULL) == 0);
	for (size_t i = 0; i < sizeof setup / sizeof *setup; i++)
		CHECK(harness_rsh(NULL, setup[i][0], setup[i][1], setup[i][2], setup[i][3],
				  (char *)NULL) == 0);
	CHECK(harness_rsh(NULL, "set", "-g", "mouse", "on", (char *)NULL) == 0);
	harness_client *c = harness_client_start(COLS, ROWS, "attach", "-t", "w", (char *)NULL);
	harness_wait_match(c, "w", "w");

	char *sock = NULL;
	harness_client *t = NULL;
	if (have_tmux()) {
		asprintf(&sock, "%s/tmux", harness_dir());
		t = tmux_start(sock);
	}
	for (size_t i = 0; i < NDRAGS; i++) {
		harness_send(c, drags[i].bytes);
		wait_panes(c, NULL, drags[i].panes, i);
		harness_wait_match(c, "w", "w"); /* the client has the new layout for the next */
		if (t != NULL) {
			harness_send(t, drags[i].bytes);
			wait_panes(t, sock, drags[i].panes, i);
		}
	}
	if (t != NULL) {
		char *cmd;
		asprintf(&cmd, "tmux -S %s kill-server >/dev/null 2>&1", sock);
		(void)system(cmd);
		free(cmd);
		harness_client_free(t);
	}
	free(sock);
	harness_client_free(c);
	return 0;
}
