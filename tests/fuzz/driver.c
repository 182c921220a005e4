/*
 * Runs a libFuzzer target without libFuzzer, for `make check`: every file of the kept
 * corpus (crashers included), then seeded random inputs and mutations of the corpus.
 * Usage: fuzz_NAME [FILE|DIR ...]   (default: FUZZ_CORPUS, set at build time)
 * RSH_TEST_CASES sets how many random inputs; RSH_TEST_SEED the seed.
 * An input that runs longer than INPUT_TIMEOUT seconds is a hang (libFuzzer's -timeout):
 * the run fails, naming it.
 */
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../check.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define FUZZ_MAX_INPUT (1 << 20)

/* Far above any input's time even under sanitizers on a loaded machine: only a loop
 * reaches it. */
#define INPUT_TIMEOUT 60

static const char *current_input = "a random or mutated input";

static void on_alarm(int sig)
{
	static const char msg[] = "fuzz: input still running after the timeout (a hang): ";
	ssize_t w = write(2, msg, sizeof msg - 1);
	w = write(2, current_input, strlen(current_input));
	w = write(2, "\n", 1);
	(void)w;
	_exit(1);
}

/* Runs one input under the hang alarm. */
static void run_input(const char *name, const uint8_t *data, size_t size)
{
	current_input = name;
	alarm(INPUT_TIMEOUT);
	LLVMFuzzerTestOneInput(data, size);
	alarm(0);
}

static uint8_t *corpus[4096];
static size_t corpus_len[4096];
static size_t ncorpus;

static void run_file(const char *path)
{
	FILE *f = fopen(path, "rb");
	if (f == NULL)
		return;
	uint8_t *buf = malloc(FUZZ_MAX_INPUT);
	size_t n = fread(buf, 1, FUZZ_MAX_INPUT, f);
	fclose(f);
	run_input(path, buf, n);
	if (ncorpus < sizeof corpus / sizeof *corpus) {
		corpus[ncorpus] = buf;
		corpus_len[ncorpus++] = n;
	} else {
		free(buf);
	}
}

static void run_path(const char *path)
{
	struct stat st;
	if (stat(path, &st) != 0)
		return;
	if (!S_ISDIR(st.st_mode)) {
		run_file(path);
		return;
	}
	DIR *d = opendir(path);
	struct dirent *e;
	while (d && (e = readdir(d)) != NULL) {
		if (e->d_name[0] == '.')
			continue;
		char sub[4096];
		snprintf(sub, sizeof sub, "%s/%s", path, e->d_name);
		run_path(sub);
	}
	if (d)
		closedir(d);
}

static uint64_t rng_state;
static uint32_t rnd(void)
{
	rng_state = rng_state * 6364136223846793005ull + 1442695040888963407ull;
	return (uint32_t)(rng_state >> 33);
}

int main(int argc, char **argv)
{
	signal(SIGALRM, on_alarm);
	if (argc > 1) {
		for (int i = 1; i < argc; i++)
			run_path(argv[i]);
	} else {
#ifdef FUZZ_CORPUS
		run_path(FUZZ_CORPUS);
#endif
	}
	rng_state = test_seed();
	unsigned long cases = test_cases(3000);
	uint8_t *buf = malloc(4096);
	for (unsigned long i = 0; i < cases; i++) {
		size_t n;
		if (ncorpus > 0 && i % 2 == 0) {
			/* Mutate a corpus entry: flip, insert or truncate a few bytes. */
			size_t k = rnd() % ncorpus;
			n = corpus_len[k] < 4096 ? corpus_len[k] : 4096;
			memcpy(buf, corpus[k], n);
			for (unsigned m = rnd() % 8 + 1; m > 0 && n > 0; m--) {
				switch (rnd() % 3) {
				case 0: buf[rnd() % n] ^= (uint8_t)(1u << (rnd() % 8)); break;
				case 1: buf[rnd() % n] = (uint8_t)rnd(); break;
				default: n = rnd() % (n + 1); break;
				}
			}
		} else {
			n = rnd() % 512;
			for (size_t j = 0; j < n; j++)
				buf[j] = (uint8_t)rnd();
		}
		run_input("a random or mutated input", buf, n);
	}
	free(buf);
	for (size_t i = 0; i < ncorpus; i++)
		free(corpus[i]);
	printf("%zu corpus files, %lu random inputs\n", ncorpus, cases);
	return 0;
}
