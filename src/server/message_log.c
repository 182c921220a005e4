/* A ring of the newest messages. */
#include "message_log.h"

#include <stdlib.h>
#include <string.h>

#include "util/xmalloc.h"

static struct {
	char *text;
	time_t when;
} ring[MESSAGE_LOG_MAX];
static size_t first, count;

static void add_line(const char *line, size_t len, time_t now)
{
	size_t slot = (first + count) % MESSAGE_LOG_MAX;
	if (count == MESSAGE_LOG_MAX) {
		free(ring[first].text);
		first = (first + 1) % MESSAGE_LOG_MAX;
	} else {
		count++;
	}
	ring[slot].text = xstrndup(line, len);
	ring[slot].when = now;
}

void message_log_add(const char *text)
{
	time_t now = time(NULL);
	for (const char *s = text; *s != '\0';) {
		size_t len = strcspn(s, "\n");
		add_line(s, len, now);
		s += len + (s[len] == '\n');
	}
}

size_t message_log_count(void)
{
	return count;
}

const char *message_log_get(size_t i, time_t *when)
{
	size_t slot = (first + i) % MESSAGE_LOG_MAX;
	*when = ring[slot].when;
	return ring[slot].text;
}

void message_log_free(void)
{
	for (size_t i = 0; i < count; i++)
		free(ring[(first + i) % MESSAGE_LOG_MAX].text);
	first = count = 0;
}
