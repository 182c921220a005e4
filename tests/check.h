/* The few helpers every C test program shares. */
#ifndef RSH_TESTS_CHECK_H
#define RSH_TESTS_CHECK_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define CHECK(cond)                                                                   \
	do {                                                                          \
		if (!(cond)) {                                                        \
			fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, \
				#cond);                                               \
			exit(1);                                                      \
		}                                                                     \
	} while (0)

#define CHECKF(cond, ...)                                                             \
	do {                                                                          \
		if (!(cond)) {                                                        \
			fprintf(stderr, "%s:%d: check failed: %s: ", __FILE__, __LINE__, \
				#cond);                                               \
			fprintf(stderr, __VA_ARGS__);                                 \
			fputc('\n', stderr);                                          \
			exit(1);                                                      \
		}                                                                     \
	} while (0)

/* How many random cases a property test runs: RSH_TEST_CASES overrides the default. */
static inline unsigned long test_cases(unsigned long dflt)
{
	const char *s = getenv("RSH_TEST_CASES");
	return s ? strtoul(s, NULL, 10) : dflt;
}

/* The first seed: RSH_TEST_SEED replays a failure that a test printed. */
static inline unsigned long test_seed(void)
{
	const char *s = getenv("RSH_TEST_SEED");
	return s ? strtoul(s, NULL, 10) : 1;
}

#endif
