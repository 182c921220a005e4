/*
 * regcomp(3) for patterns a user or a program typed (formats' #{m/r:}, #{C/r:}, copy
 * mode's regex search). glibc builds repetitions by copying the tree of what they repeat,
 * so stacked or nested ones grow it exponentially: "a++++++++++++++++++++++++++++++" or
 * "((a{99}){99}){99}" keeps regcomp busy for seconds and gigabytes (the fuzzer found
 * the first), and the server runs every session's formats in one thread. Here a pattern is
 * first costed by a walk over its ERE syntax, counting the nodes those copies make, and
 * refused above REGEX_GUARD_COST_MAX without calling regcomp.
 */
#ifndef RSH_UTIL_REGEX_GUARD_H
#define RSH_UTIL_REGEX_GUARD_H

#include <regex.h>

/* About the nodes glibc's tree gets (each copy of a repeated part counted; regcomp takes
 * some 8 ms at this cost here); a pattern any user writes (an address, a word list,
 * ".{0,1000}") costs far less. */
#define REGEX_GUARD_COST_MAX 10000

/* The cost of ERE pattern as above, saturating at REGEX_GUARD_COST_MAX + 1. Any bytes:
 * syntax regcomp would refuse is costed as literal text. */
unsigned long regex_guard_cost(const char *pattern);

/* regcomp(re, pattern, cflags) with REG_EXTENDED, or REG_ESPACE (nothing compiled, re
 * untouched) when the pattern costs too much. 0 on success: then regfree(re). */
int regex_guard_compile(regex_t *re, const char *pattern, int cflags);

#endif
