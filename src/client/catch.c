/* One handler for several signals. */
#include "catch.h"

#include <signal.h>
#include <string.h>

void catch_signals(const int *sigs, size_t n, void (*handler)(int), int flags)
{
	struct sigaction sa;
	size_t i;

	memset(&sa, 0, sizeof sa);
	sa.sa_handler = handler;
	sigemptyset(&sa.sa_mask);
	sa.sa_flags = flags;
	for (i = 0; i < n; i++)
		sigaction(sigs[i], &sa, NULL);
}
