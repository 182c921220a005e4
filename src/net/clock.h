/* The monotonic clock the transport runs on, in milliseconds. */
#ifndef RSH_NET_CLOCK_H
#define RSH_NET_CLOCK_H

#include <stdint.h>

/* Milliseconds of CLOCK_MONOTONIC: never goes back, never 0 (0 means "never" elsewhere). */
uint64_t net_clock_ms(void);

#endif
