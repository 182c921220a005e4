/*
 * Server memory per scrollback line, as the system sees it: 10 windows (80x24) each print
 * 11000 lines of 80 columns, and the server's resident set (VmRSS in /proc) once the output
 * stopped and stayed still, less what it was before the output, divided by the 100000
 * lines the scrollbacks then hold (10000 each, the limit of both). Beside tmux with
 * history-limit 10000, run the same way, interleaved. Lines are random words (no two
 * alike), plain or with a few coloured words. Prints figures; asserts nothing.
 *
 *   scrollback_memory [RUNS]     (default 3)
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "control.h"

#define WINDOWS 10
#define LINES 11000
#define KEPT 10000 /* both keep this many lines per pane */

/* Writes the script each window runs: it waits for a line on its input, prints LINES
 * lines of 80 columns (a few SGR-coloured words when colour), then a marker whose echo
 * differs, and stays. Returns the command that runs it. */
static void write_script(char *cmd, size_t size, int colour)
{
	char path[300];
	snprintf(path, sizeof path, "%s/lines.sh", control_dir());
	FILE *f = fopen(path, "w");
	if (f == NULL) {
		perror(path);
		exit(1);
	}
	fprintf(f, "read x\n"
		   "awk -v colour=%d 'BEGIN { srand(7); for (i = 0; i < %d; i++) {\n"
		   "  s = sprintf(\"%%06d\", i); n = 6\n"
		   "  while (n < 80) {\n"
		   "    k = 1 + int(rand() * 9); if (n + 1 + k > 80) k = 80 - n - 1\n"
		   "    w = \"\"; for (j = 0; j < k; j++) w = w sprintf(\"%%c\", 97 + int(rand() * 26))\n"
		   "    n += 1 + k\n"
		   "    if (colour && rand() < 0.15) w = sprintf(\"\\033[%%dm%%s\\033[0m\", 31 + int(rand() * 6), w)\n"
		   "    s = s \" \" w\n"
		   "  }\n"
		   "  print s } }'\n"
		   "echo mem-$((1+1))\n"
		   "exec sleep 600\n",
		colour, LINES);
	fclose(f);
	snprintf(cmd, size, "sh %s", path);
}

static void unlink_script(void)
{
	char path[300];
	snprintf(path, sizeof path, "%s/lines.sh", control_dir());
	unlink(path);
}

/* Waits until the RSS stays the same for a second (idle work, if any, done). */
static size_t settled_rss(pid_t pid)
{
	size_t last = control_rss(pid);
	for (int still = 0, i = 0; still < 5 && i < 300; i++) {
		usleep(200000);
		size_t now = control_rss(pid);
		still = now == last ? still + 1 : 0;
		last = now;
	}
	return last;
}

static double rsh_run(int colour)
{
	char cmd[400], target[32];
	pid_t pid = control_start(true);
	write_script(cmd, sizeof cmd, colour);
	CONTROL_RUN("set-option", "-g", "history-limit", "10000");
	CONTROL_RUN("new-session", "-d", "-s", "m", "-x", "80", "-y", "24", cmd);
	for (int w = 1; w < WINDOWS; w++)
		CONTROL_RUN("new-window", "-d", "-t", "m", cmd);
	size_t before = settled_rss(pid);
	for (int w = 0; w < WINDOWS; w++) {
		snprintf(target, sizeof target, "m:%d", w);
		CONTROL_RUN("send-keys", "-t", target, "Enter");
	}
	for (int w = 0; w < WINDOWS; w++) {
		snprintf(target, sizeof target, "m:%d", w);
		while (!control_pane_shows(target, "mem-2"))
			usleep(20000);
	}
	size_t after = settled_rss(pid);
	unlink_script();
	control_stop();
	return (double)(after - before) / (WINDOWS * KEPT);
}

static double tmux_run(int colour)
{
	char cmd[400], args[600], conf[300];
	control_start(false);
	write_script(cmd, sizeof cmd, colour);
	snprintf(conf, sizeof conf, "%s/tmux.conf", control_dir());
	FILE *f = fopen(conf, "w");
	if (f == NULL || fputs("set -g history-limit 10000\n", f) < 0 || fclose(f) != 0)
		return -1;
	snprintf(args, sizeof args, "new-session -d -s m -x 80 -y 24 '%s'", cmd);
	double per_line = -1;
	char *out = control_tmux(conf, args);
	if (out != NULL) {
		free(out);
		snprintf(args, sizeof args, "new-window -d -t m '%s'", cmd);
		for (int w = 1; w < WINDOWS; w++)
			free(control_tmux(conf, args));
		pid_t pid = control_tmux_pid(conf);
		size_t before = settled_rss(pid);
		for (int w = 0; w < WINDOWS; w++) {
			snprintf(args, sizeof args, "send-keys -t m:%d Enter", w);
			free(control_tmux(conf, args));
		}
		for (int w = 0; w < WINDOWS; w++) {
			snprintf(args, sizeof args, "capture-pane -p -t m:%d", w);
			for (;;) {
				out = control_tmux(conf, args);
				int done = out != NULL && strstr(out, "mem-2") != NULL;
				free(out);
				if (done)
					break;
				usleep(20000);
			}
		}
		size_t after = settled_rss(pid);
		per_line = (double)(after - before) / (WINDOWS * KEPT);
	}
	unlink(conf);
	unlink_script();
	control_stop();
	return per_line;
}

int main(int argc, char **argv)
{
	int runs = argc > 1 ? atoi(argv[1]) : 3;
	for (int colour = 0; colour < 2; colour++) {
		for (int i = 0; i < runs; i++) {
			double r = rsh_run(colour), t = tmux_run(colour);
			printf("RSS per 80-column scrollback line, %s, run %d: rsh %7.0f B   tmux "
			       "%7.0f B\n",
			       colour ? "coloured words" : "plain words", i + 1, r, t);
			fflush(stdout);
		}
	}
	return 0;
}
