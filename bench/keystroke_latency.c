/*
 * Keystroke to screen through the impairment proxy, rsh beside mosh: each client runs in
 * a pty read by our emulator; a typist writes a line of words into a plain shell, a key
 * every 100 ms, and notes when each character shows at its place on the client's screen
 * (typist.h). Per link (round trip, loss each way) and client: the median and p90 delay,
 * the share shown within 20 ms and the share mispredicted. The clients of one link type
 * side by side, their keys interleaved. Prints figures; asserts nothing about time.
 *
 *   keystroke_latency [-v] [-r RTT,...] [-l LOSS,...] [-c CLIENT,...] [-n KEYS] [-i MS]
 *                     [-R RUNS] [-s SEED]
 *
 * CLIENT: mosh, rsh (adaptive prediction), rsh-always, mosh-never, rsh-never (prediction
 * off, as the mosh paper's loss figure: compare their means); rsh-local and tmux, a local
 * session attached with no proxy; ssh, rsh-ssh and rsh-udp by a private sshd on loopback
 * (plain ssh, rsh over its ssh path, rsh over UDP, prediction off), no proxy either (these
 * ignore the link: run them with -r 0 -l 0). Defaults: -r 0,50,250,500
 * -l 0,10,30 -c mosh,rsh,rsh-always -n 50 -i 100 -R 1 (about two minutes). RUNS lines are
 * typed per link, each by fresh clients and servers, the proxy seeded SEED, SEED+1...;
 * the figures pool their keys. -v prints each key's delay, "!" marking a misprediction.
 * For the local kinds each run also prints the CPU its client and its server took per key
 * (from /proc/PID/schedstat, in microseconds: the work, where the delays are mostly the
 * machine's load).
 */
#include <limits.h>
#include <math.h> /* INFINITY */
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "remote_shell.h"
#include "typist.h"
#include "util/xmalloc.h"

#define COLS 80
#define ROWS 24
#define MAX_LIST 8
#define KINDS REMOTE_KINDS
#define SETTLE_MS 500    /* watched after the line is complete, beyond two round trips */
#define GIVE_UP_MS 20000 /* after the last key, keys not shown count as never shown */
/* Typing starts this long after the prompt, as a person's would: mosh predicts nothing in
 * its first second or so (its round-trip estimate is not made yet). */
#define WARM_UP_MS 1500

static const char text[] = "the quick brown fox jumps over the lazy dog while five "
			   "wizards pack my box of jugs";

struct options {
	unsigned rtt[MAX_LIST], loss[MAX_LIST];
	size_t nrtt, nloss;
	bool use[KINDS];
	unsigned keys, interval_ms, runs;
	unsigned long seed;
	bool verbose;
};

/* One client's keys on one link, pooled over the runs: delays in ms, INFINITY if never
 * shown. */
struct sample {
	size_t keys, wrong;
	double *delay;
};

/* What a sample shows. */
struct figures {
	bool ran;
	double median, p90, mean, within20, wrong; /* mean of the keys shown */
	size_t keys, unshown;
};

static double now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static __attribute__((noreturn)) void usage(void)
{
	fprintf(stderr, "usage: keystroke_latency [-v] [-r RTT,...] [-l LOSS,...] [-c CLIENT,...] "
			"[-n KEYS] [-i MS] [-R RUNS] [-s SEED]\n  CLIENT: mosh, rsh, rsh-always, "
			"mosh-never, rsh-never, rsh-local, tmux, ssh, rsh-ssh, rsh-udp; "
			"KEYS at most %zu\n", sizeof text - 1);
	exit(2);
}

static size_t parse_list(char *s, unsigned *out)
{
	size_t n = 0;
	for (char *w = strtok(s, ","); w != NULL; w = strtok(NULL, ",")) {
		if (n == MAX_LIST)
			usage();
		out[n++] = (unsigned)strtoul(w, NULL, 10);
	}
	return n;
}


static void parse_options(int argc, char **argv, struct options *o)
{
	static unsigned rtt[] = { 0, 50, 250, 500 }, loss[] = { 0, 10, 30 };
	*o = (struct options){ .nrtt = 4, .nloss = 3, .use = { true, true, true }, .keys = 50,
			       .interval_ms = 100, .runs = 1, .seed = 1 };
	memcpy(o->rtt, rtt, sizeof rtt);
	memcpy(o->loss, loss, sizeof loss);
	int c;
	while ((c = getopt(argc, argv, "vr:l:c:n:i:R:s:")) != -1) {
		switch (c) {
		case 'r': o->nrtt = parse_list(optarg, o->rtt); break;
		case 'l': o->nloss = parse_list(optarg, o->loss); break;
		case 'c': if (!remote_kinds_parse(optarg, true, o->use)) usage(); break;
		case 'n': o->keys = (unsigned)strtoul(optarg, NULL, 10); break;
		case 'i': o->interval_ms = (unsigned)strtoul(optarg, NULL, 10); break;
		case 'R': o->runs = (unsigned)strtoul(optarg, NULL, 10); break;
		case 's': o->seed = strtoul(optarg, NULL, 10); break;
		case 'v': o->verbose = true; break;
		default: usage();
		}
	}
	if (optind != argc || o->keys == 0 || o->keys > sizeof text - 1 || o->runs == 0 ||
	    o->nrtt == 0 || o->nloss == 0)
		usage();
}

/* The cursor just after a fresh prompt "$ " on a row below arg's. */
static bool at_prompt(harness_client *c, void *arg)
{
	unsigned row, col, below = *(unsigned *)arg;
	harness_cursor(c, &row, &col);
	char *line = harness_row(c, row);
	bool ok = (row > below || below == UINT_MAX) && col == 2 && strcmp(line, "$") == 0;
	free(line);
	return ok;
}

/* Waits for the prompt, then presses Enter once (a first round trip for the link's
 * estimates, as a person's) and waits for the next prompt. */
static void reach_prompt(harness_client *c)
{
	unsigned row, col, any = UINT_MAX;
	harness_wait(c, at_prompt, &any, "the shell's prompt");
	harness_cursor(c, &row, &col);
	harness_send(c, "\r");
	harness_wait(c, at_prompt, &row, "the prompt after Enter");
}

static int compare(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

static void sample_add(struct sample *s, const struct typist *t)
{
	s->delay = xreallocarray(s->delay, s->keys + t->keys, sizeof *s->delay);
	for (size_t i = 0; i < t->keys; i++) {
		s->delay[s->keys++] = t->shown_at[i] != 0 ? t->shown_at[i] - t->sent_at[i]
							  : INFINITY;
		s->wrong += t->wrong[i];
	}
}

static struct figures measure(struct sample *s)
{
	struct figures f = { .ran = s->keys > 0, .keys = s->keys };
	if (!f.ran)
		return f;
	qsort(s->delay, s->keys, sizeof *s->delay, compare);
	for (size_t i = 0; i < s->keys; i++) {
		f.unshown += s->delay[i] == INFINITY;
		f.within20 += s->delay[i] <= 20;
		f.mean += s->delay[i] == INFINITY ? 0 : s->delay[i];
	}
	f.mean = f.unshown < s->keys ? f.mean / (double)(s->keys - f.unshown) : INFINITY;
	f.median = s->delay[s->keys / 2];
	f.p90 = s->delay[s->keys * 9 / 10];
	f.within20 = 100 * f.within20 / s->keys;
	f.wrong = 100.0 * s->wrong / s->keys;
	return f;
}

/* Each key's delay in ms ("-" never shown), "!" after a mispredicted one. */
static void print_keys(const struct typist *t)
{
	for (size_t i = 0; i < t->keys; i++) {
		printf(i % 10 == 0 ? "\n   " : " ");
		if (t->shown_at[i] != 0)
			printf(" '%c' %6.1f", t->text[i], t->shown_at[i] - t->sent_at[i]);
		else
			printf(" '%c' %6s", t->text[i], "-");
		printf("%s", t->wrong[i] ? "!" : " ");
	}
	printf("\n");
}

/* Types into every typist at once, each kind's keys offset by a share of the interval,
 * until every line is complete and settled, or GIVE_UP_MS after the last key. */
static void type_all(struct typist *t, size_t n, const struct options *o, unsigned rtt)
{
	double start = now_ms(), last_key = start + (double)o->keys * o->interval_ms;
	double settled = 0, settle = SETTLE_MS + 2.0 * rtt;
	bool closed[KINDS] = { false }; /* a client gone: its keys stay unshown */
	for (;;) {
		double now = now_ms(), next = now + 50;
		bool all_done = true;
		for (size_t j = 0; j < n; j++) {
			double due = start + (double)o->interval_ms * j / n +
				     (double)t[j].sent * o->interval_ms;
			if (t[j].sent < t[j].keys && now >= due) {
				typist_key(&t[j], now);
				due += o->interval_ms;
			}
			if (t[j].sent < t[j].keys && due < next)
				next = due;
			all_done &= typist_done(&t[j]);
		}
		if (all_done && settled == 0)
			settled = now;
		if ((settled != 0 && now - settled > settle) || now > last_key + GIVE_UP_MS)
			return;
		struct pollfd pfd[KINDS];
		for (size_t j = 0; j < n; j++)
			pfd[j] = (struct pollfd){ closed[j] ? -1 : harness_client_fd(t[j].client),
						  POLLIN, 0 };
		int wait = next > now ? (int)(next - now) + 1 : 0;
		if (poll(pfd, n, wait) <= 0)
			continue;
		for (size_t j = 0; j < n; j++) {
			if (pfd[j].revents == 0)
				continue;
			closed[j] = !harness_pump(t[j].client, 0);
			typist_observe(&t[j], now_ms());
		}
	}
}

/* The CPU time the process (its main thread) ran so far, in us; 0 if unreadable. */
static double cpu_us(pid_t pid)
{
	char path[64];
	unsigned long long ns = 0;
	snprintf(path, sizeof path, "/proc/%d/schedstat", (int)pid);
	FILE *f = fopen(path, "r");
	if (f != NULL && fscanf(f, "%llu", &ns) != 1)
		ns = 0;
	if (f != NULL)
		fclose(f);
	return (double)ns / 1e3;
}

/* A local kind's server, by its socket; 0 for the other kinds or when it does not say. */
static pid_t server_pid(const struct remote_shell *s)
{
	char *cmd;
	int pid = 0;
	if (s->kind == REMOTE_TMUX)
		xasprintf(&cmd, "tmux -L '%s' display -p '#{pid}'", s->socket);
	else if (s->kind == REMOTE_RSH_LOCAL)
		xasprintf(&cmd, "'%s' -S '%s' display -p '#{pid}'", harness_rsh_path(), s->socket);
	else
		return 0;
	FILE *f = popen(cmd, "r");
	if (f != NULL && fscanf(f, "%d", &pid) != 1)
		pid = 0;
	if (f != NULL)
		pclose(f);
	free(cmd);
	return (pid_t)pid;
}

static void print_figures(const char *kind, unsigned rtt, unsigned loss, const struct figures *f)
{
	printf("RTT %3u ms  loss %2u %%  %-10s  median %7.2f ms  p90 %7.1f ms  mean %7.1f ms  "
	       "within 20 ms %5.1f %%  mispredicted %4.1f %%", rtt, loss, kind, f->median, f->p90,
	       f->mean, f->within20, f->wrong);
	if (f->unshown > 0)
		printf("  (%zu never shown)", f->unshown);
	printf("  %zu keys\n", f->keys);
	fflush(stdout);
}

/* One line typed on one link by every chosen client side by side; a client that does not
 * start is dropped. */
static void run_link(struct options *o, const char *proxy, const struct remote_link *link,
		     struct sample out[KINDS])
{
	struct remote_shell shell[KINDS];
	struct typist t[KINDS];
	enum remote_kind kind[KINDS];
	char typed[sizeof text];
	size_t n = 0;
	snprintf(typed, sizeof typed, "%.*s", (int)o->keys, text);
	for (enum remote_kind k = 0; k < KINDS; k++) {
		if (!o->use[k])
			continue;
		if (remote_shell_start(&shell[n], k, proxy, link, COLS, ROWS))
			kind[n++] = k;
		else
			o->use[k] = false;
	}
	for (size_t j = 0; j < n; j++)
		reach_prompt(shell[j].client);
	for (double end = now_ms() + WARM_UP_MS; now_ms() < end;)
		for (size_t j = 0; j < n; j++)
			harness_pump(shell[j].client, 10);
	pid_t server[KINDS];
	double cpu[KINDS][2];
	for (size_t j = 0; j < n; j++) {
		typist_init(&t[j], shell[j].client, typed);
		server[j] = server_pid(&shell[j]);
		cpu[j][0] = cpu_us(harness_client_pid(shell[j].client));
		cpu[j][1] = server[j] != 0 ? cpu_us(server[j]) : 0;
	}
	type_all(t, n, o, link->rtt_ms);
	for (size_t j = 0; j < n; j++) {
		if (server[j] != 0)
			printf("%s, seed %lu: CPU per key: client %.0f us, server %.0f us\n",
			       remote_kind_name(kind[j]), link->seed,
			       (cpu_us(harness_client_pid(shell[j].client)) - cpu[j][0]) / o->keys,
			       (cpu_us(server[j]) - cpu[j][1]) / o->keys);
		sample_add(&out[kind[j]], &t[j]);
		if (t[j].wrong_row != NULL)
			printf("%s, seed %lu: key %zu ('%c') mispredicted; %.0f ms after the first "
			       "key the row was '%s'\n", remote_kind_name(kind[j]), link->seed,
			       t[j].wrong_key, t[j].text[t[j].wrong_key],
			       t[j].wrong_at - t[j].sent_at[0], t[j].wrong_row);
		if (o->verbose) {
			printf("%s, seed %lu:", remote_kind_name(kind[j]), link->seed);
			print_keys(&t[j]);
		}
		typist_free(&t[j]);
		remote_shell_stop(&shell[j]);
	}
}

/* Every run on one link, then its figures per client. */
static void measure_link(struct options *o, const char *proxy, unsigned rtt, unsigned loss,
			 struct figures out[KINDS])
{
	struct sample sample[KINDS] = { { 0 } };
	for (unsigned run = 0; run < o->runs; run++) {
		struct remote_link link = { rtt, loss, o->seed + run };
		run_link(o, proxy, &link, sample);
	}
	for (enum remote_kind k = 0; k < KINDS; k++) {
		out[k] = measure(&sample[k]);
		if (out[k].ran)
			print_figures(remote_kind_name(k), rtt, loss, &out[k]);
		free(sample[k].delay);
	}
}

/* The table for docs/prediction.md: a row per link, a column per client that ran. */
static void print_table(const struct options *o, struct figures (*fig)[KINDS])
{
	bool ran[KINDS] = { false };
	for (size_t i = 0; i < o->nrtt * o->nloss; i++)
		for (enum remote_kind k = 0; k < KINDS; k++)
			ran[k] |= fig[i][k].ran;
	printf("\n| RTT | loss |");
	for (enum remote_kind k = 0; k < KINDS; k++)
		if (ran[k])
			printf(" %s: median, p90, within 20 ms, mispredicted |", remote_kind_name(k));
	printf("\n|---|---|");
	for (enum remote_kind k = 0; k < KINDS; k++)
		if (ran[k])
			printf("---|");
	printf("\n");
	for (size_t r = 0; r < o->nrtt; r++) {
		for (size_t l = 0; l < o->nloss; l++) {
			const struct figures *f = fig[r * o->nloss + l];
			printf("| %u ms | %u %% |", o->rtt[r], o->loss[l]);
			for (enum remote_kind k = 0; k < KINDS; k++) {
				if (!ran[k])
					continue;
				if (!f[k].ran)
					printf(" not run |");
				else
					printf(" %.1f, %.1f ms, %.0f %%, %.1f %% |", f[k].median,
					       f[k].p90, f[k].within20, f[k].wrong);
			}
			printf("\n");
		}
	}
}

int main(int argc, char **argv)
{
	struct options o;
	parse_options(argc, argv, &o);
	char proxy[PATH_MAX + 32];
	if (!remote_shell_init(argv[0], proxy, sizeof proxy, o.use))
		return 0;
	printf("keystroke to screen: %u keys %u ms apart, a plain shell, %ux%u; loss each way\n",
	       o.keys, o.interval_ms, COLS, ROWS);
	struct figures(*fig)[KINDS] = xcalloc(o.nrtt * o.nloss, sizeof *fig);
	for (size_t r = 0; r < o.nrtt; r++)
		for (size_t l = 0; l < o.nloss; l++)
			measure_link(&o, proxy, o.rtt[r], o.loss[l], fig[r * o.nloss + l]);
	print_table(&o, fig);
	free(fig);
	return 0;
}
