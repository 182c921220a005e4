/* The monotonic clock the transport runs on. */
#include "clock.h"

#include <time.h>

uint64_t net_clock_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	/* +1 so that even a clock read at boot differs from "never". */
	return (uint64_t)ts.tv_sec * 1000 + (uint64_t)ts.tv_nsec / 1000000 + 1;
}

uint64_t net_clock_since(uint64_t now_ms, uint64_t then_ms)
{
	return now_ms > then_ms ? now_ms - then_ms : 0;
}
