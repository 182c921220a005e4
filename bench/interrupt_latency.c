/*
 * Ctrl-C in a flood, as a user meets it on a slow lossy link: a plain shell runs `yes`
 * (FLOOD_MS from when its output first shows), then C-c and a command are typed at once; the figure is the time from C-c
 * to the command's output showing on the client's screen, rsh beside mosh through
 * tests/udpproxy (remote_shell.h), each client's own default prediction. mosh's server
 * skips the frames a slow link cannot carry, so its screen jumps to the prompt as soon as
 * the interrupt lands; this measures whether rsh does as well. Kinds alternate run by run,
 * the proxy seeded SEED, SEED+1... Prints figures; asserts nothing.
 *
 *   interrupt_latency [-r RTT] [-l LOSS] [-c CLIENT,...] [-R RUNS] [-f FLOOD_MS] [-s SEED]
 *
 * Defaults: -r 500 -l 20 -c mosh,rsh -R 5 -f 3000 (loss each way, as udpproxy's).
 */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "remote_shell.h"

#define COLS 80
#define ROWS 24
#define GIVE_UP_MS 30000.0
#define MAX_RUNS 50

/* The command typed after C-c, and what its output shows (not its own echo). */
static const char command[] = "echo MARK$((6*7))\r";
static const char shown[] = "MARK42";

struct options {
	unsigned rtt_ms, loss_pct, runs, flood_ms;
	unsigned long seed;
	bool use[REMOTE_KINDS];
};

static double now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static void usage(void)
{
	fprintf(stderr, "usage: interrupt_latency [-r RTT] [-l LOSS] [-c CLIENT,...] [-R RUNS] "
			"[-f FLOOD_MS] [-s SEED]\n");
	exit(2);
}


static void parse_options(int argc, char **argv, struct options *o)
{
	*o = (struct options){ .rtt_ms = 500, .loss_pct = 20, .runs = 5, .flood_ms = 3000,
			       .seed = 1 };
	o->use[REMOTE_MOSH] = o->use[REMOTE_RSH] = true;
	int c;
	while ((c = getopt(argc, argv, "r:l:c:R:f:s:")) != -1) {
		switch (c) {
		case 'r': o->rtt_ms = (unsigned)strtoul(optarg, NULL, 10); break;
		case 'l': o->loss_pct = (unsigned)strtoul(optarg, NULL, 10); break;
		case 'c': if (!remote_kinds_parse(optarg, false, o->use)) usage(); break;
		case 'R': o->runs = (unsigned)strtoul(optarg, NULL, 10); break;
		case 'f': o->flood_ms = (unsigned)strtoul(optarg, NULL, 10); break;
		case 's': o->seed = strtoul(optarg, NULL, 10); break;
		default: usage();
		}
	}
	if (optind != argc || o->runs == 0 || o->runs > MAX_RUNS)
		usage();
}

/* Pumps c for ms, or until its screen shows text (when not NULL); whether it did. */
static bool pump_until(harness_client *c, double ms, const char *text)
{
	for (double end = now_ms() + ms; now_ms() < end;) {
		harness_pump(c, 10);
		if (text != NULL && harness_screen_has(c, text))
			return true;
	}
	return false;
}

/* Pumps c until `yes` shows: a row below the prompt's holding just "y". */
static bool pump_until_flood(harness_client *c)
{
	for (double end = now_ms() + GIVE_UP_MS; now_ms() < end;) {
		harness_pump(c, 10);
		for (unsigned row = 1; row + 1 < ROWS; row++) {
			char *text = harness_row(c, row);
			bool y = strcmp(text, "y") == 0;
			free(text);
			if (y)
				return true;
		}
	}
	return false;
}

/* One run of one client: ms from C-c to the command's output, or -1 if it never showed
 * (or the shell did not start). */
static double run_once(const struct options *o, enum remote_kind kind, const char *proxy,
		       unsigned long seed)
{
	struct remote_shell s;
	struct remote_link link = { o->rtt_ms, o->loss_pct, seed };
	if (!remote_shell_start(&s, kind, proxy, &link, COLS, ROWS))
		return -1;
	double took = -1;
	/* The flood counts from when it shows: a lost "yes" typed on a lossy link may take a
	 * few resends, and C-c arriving with it would flush it unread. */
	if (pump_until(s.client, GIVE_UP_MS, "$") && /* rows are read trailing blanks aside */
	    (harness_send(s.client, "yes\r"), pump_until_flood(s.client))) {
		pump_until(s.client, o->flood_ms, NULL);
		double start = now_ms();
		harness_send(s.client, "\003");
		harness_send(s.client, command);
		if (pump_until(s.client, GIVE_UP_MS, shown))
			took = now_ms() - start;
		else
			harness_dump(s.client); /* what it showed instead */
	}
	remote_shell_stop(&s);
	return took;
}

static int compare(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

/* One client's runs, sorted: median and range; a run that never showed counts last. */
static void print_kind(enum remote_kind kind, double *took, unsigned runs)
{
	unsigned never = 0;
	for (unsigned i = 0; i < runs; i++)
		if (took[i] < 0) {
			took[i] = GIVE_UP_MS * 10;
			never++;
		}
	qsort(took, runs, sizeof *took, compare);
	if (never == runs) {
		printf("%-10s never shown in %u runs\n", remote_kind_name(kind), runs);
		return;
	}
	printf("%-10s median %6.0f ms  min %6.0f ms  max %6.0f ms  never shown %u of %u\n",
	       remote_kind_name(kind), took[runs / 2], took[0], took[runs - 1 - never], never,
	       runs);
}

int main(int argc, char **argv)
{
	struct options o;
	parse_options(argc, argv, &o);
	char proxy[PATH_MAX + 32];
	if (!remote_shell_init(argv[0], proxy, sizeof proxy, o.use))
		return 0;
	printf("C-c then a command after %u ms of `yes`, %u ms RTT, %u %% loss each way, %ux%u\n",
	       o.flood_ms, o.rtt_ms, o.loss_pct, COLS, ROWS);
	static double took[REMOTE_KINDS][MAX_RUNS];
	for (unsigned r = 0; r < o.runs; r++)
		for (enum remote_kind k = 0; k < REMOTE_KINDS; k++)
			if (o.use[k])
				took[k][r] = run_once(&o, k, proxy, o.seed + r);
	for (enum remote_kind k = 0; k < REMOTE_KINDS; k++)
		if (o.use[k])
			print_kind(k, took[k], o.runs);
	return 0;
}
