/* The monotonic clock the transport runs on, in milliseconds. */
#ifndef RSH_NET_CLOCK_H
#define RSH_NET_CLOCK_H

#include <stdint.h>

/* Milliseconds of CLOCK_MONOTONIC: never goes back, never 0 (0 means "never" elsewhere). */
uint64_t net_clock_ms(void);

/*
 * The time from then to now, 0 when then is later: a loop reads the clock once per turn,
 * and a time stamped during the turn (a key logged, an attachment ended) is later than
 * that reading. A plain now - then would wrap to "ages ago".
 */
uint64_t net_clock_since(uint64_t now_ms, uint64_t then_ms);

#endif
