/*
 * A small state type for the sync tests: a few registers and the serial of the change that
 * made them. Its diff names a hash of its base, so a diff applied onto any other base
 * fails (SYNC_BAD_DIFF), which the tests treat as an error.
 */
#ifndef RSH_TESTS_SYNC_REGS_H
#define RSH_TESTS_SYNC_REGS_H

#include "net/sync.h"

#define NREGS 16
#define MAX_SERIAL 200000

struct regs {
	unsigned refs;
	uint32_t serial;
	uint32_t v[NREGS];
};

extern const sync_state_ops regs_ops;

/* Serial 0, every register 0, one reference. */
struct regs *regs_new(void);
void *regs_ref(void *p);
void regs_unref(void *p);
bool regs_equal(const void *a, const void *b);
/* The next state after from: serial + 1 and a few registers changed, as random says. */
struct regs *regs_next(const struct regs *from, uint32_t random);

#endif
