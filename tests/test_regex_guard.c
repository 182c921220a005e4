/*
 * regex_guard: patterns people write compile and match as regcomp's do; the ones whose
 * repetitions blow up glibc's tree (stacked "+", nested intervals, deep groups) are
 * refused without compiling, brackets and escapes are costed as single atoms, and any
 * bytes (seeded random patterns) are costed without reading past the end.
 */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "util/regex_guard.h"

static void matches(const char *pattern, const char *text, bool want)
{
	regex_t re;
	int err = regex_guard_compile(&re, pattern, REG_NOSUB);
	CHECKF(err == 0, "'%s' refused (%d), cost %lu", pattern, err, regex_guard_cost(pattern));
	CHECKF((regexec(&re, text, 0, NULL, 0) == 0) == want, "'%s' on '%s'", pattern, text);
	regfree(&re);
}

static void refused(const char *pattern)
{
	regex_t re;
	CHECKF(regex_guard_compile(&re, pattern, 0) == REG_ESPACE, "'%s' compiled, cost %lu",
	       pattern, regex_guard_cost(pattern));
}

int main(void)
{
	matches("^[0-9]{1,3}(\\.[0-9]{1,3}){3}$", "192.168.0.1", true);
	matches("^(vim|nvim|emacs)$", "nvim", true);
	matches("[]x]+", "]]", true);
	matches("[[:alpha:]]+ing", "string", true);
	matches("a.{0,1000}b", "a--b", true);
	matches("(a|b)*c", "ababd", false);
	matches("x{2,}", "xx", true);
	matches("a{,2}", "a{,2}", true); /* not an interval: text */
	matches("a)b", "a)b", true);     /* a ')' closing nothing: text */
	CHECK(regex_guard_cost("abc") == 3);
	CHECK(regex_guard_cost("a+") == 3);
	CHECK(regex_guard_cost("[a+]+") == 3);  /* the bracket is one atom */
	CHECK(regex_guard_cost("\\++") == 3);   /* so is an escape */
	CHECK(regex_guard_cost("(ab){3}") == 10);

	/* What the fuzzer found: regcomp ran for seconds on these. */
	refused("s=9#{m/r##{,{{u:#{e#>#{=:=-u:,}#;e#<>#{=:=-d}f-bas:}*}/:}:++++++++++++++++"
		"++++++++++++++++++++++++++++++++,:}:,}#");
	refused("a++++++++++++++++++++++++++++++++");
	refused("((a{99}){99}){99}");
	refused("(a{30000})");
	char deep[400];
	memset(deep, '(', 200);
	memset(deep + 200, ')', 199);
	deep[399] = '\0';
	refused(deep);
	refused("[[:alpha:]]{200}{200}");

	/* Any bytes: costed, and never read past the NUL (ASan would say). */
	srand((unsigned)test_seed());
	static const char alphabet[] = "()[]{}|*+?\\^$.,:=a0123456789";
	for (unsigned long i = 0; i < test_cases(20000); i++) {
		char p[24];
		size_t n = (size_t)rand() % sizeof p;
		for (size_t j = 0; j < n; j++)
			p[j] = alphabet[(size_t)rand() % (sizeof alphabet - 1)];
		p[n] = '\0';
		char *exact = malloc(n + 1); /* no slack after the NUL */
		memcpy(exact, p, n + 1);
		CHECK(regex_guard_cost(exact) <= REGEX_GUARD_COST_MAX + 1ul);
		free(exact);
	}
	return 0;
}
