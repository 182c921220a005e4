/*
 * The server's log of messages shown on status lines (display-message, the start-up
 * config's errors), for show-messages: the newest MESSAGE_LOG_MAX, oldest first.
 */
#ifndef RSH_SERVER_MESSAGE_LOG_H
#define RSH_SERVER_MESSAGE_LOG_H

#include <stddef.h>
#include <time.h>

#define MESSAGE_LOG_MAX 100

/* Adds a copy of text (each of its lines a message). */
void message_log_add(const char *text);
size_t message_log_count(void);
/* The i-th message (0 the oldest kept) and when it was added. */
const char *message_log_get(size_t i, time_t *when);
void message_log_free(void);

#endif
