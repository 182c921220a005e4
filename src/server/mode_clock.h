/* clock-mode as a client's mode (mode.h; what it draws: mode_clock.c). */
#ifndef RSH_SERVER_MODE_CLOCK_H
#define RSH_SERVER_MODE_CLOCK_H

#include <stdint.h>

struct client;

/* Shows c a clock over the pane with this id until a key. */
void mode_clock_start(struct client *c, uint32_t pane);

#endif
