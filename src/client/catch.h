/* Installing one signal handler for several signals. */
#ifndef RSH_CLIENT_CATCH_H
#define RSH_CLIENT_CATCH_H

#include <stddef.h>

/* Sets handler for each of the n signals, with sigaction flags (SA_RESTART, ...). */
void catch_signals(const int *sigs, size_t n, void (*handler)(int), int flags);

#endif
