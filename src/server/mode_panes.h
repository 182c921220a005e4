/* display-panes as a client's mode (mode.h; what it draws: mode_panes.c). */
#ifndef RSH_SERVER_MODE_PANES_H
#define RSH_SERVER_MODE_PANES_H

#include <stdbool.h>
#include <stdint.h>

struct client;

/* Shows c the pane numbers for duration_ms (0: until a key); a digit runs template (NULL:
 * select-pane -t '%%') with %% the pane's id; no_keys lets keys through to the pane. */
void mode_panes_start(struct client *c, long long duration_ms, const char *template,
		      bool no_keys, uint64_t now);

#endif
