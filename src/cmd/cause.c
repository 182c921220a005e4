#include "cause.h"

#include <string.h>

#include "util/xmalloc.h"

char *cause_line(const char *cause)
{
	char *line;
	if (strncmp(cause, "usage: ", 7) == 0)
		return xstrdup(cause);
	xasprintf(&line, "rsh: %s", cause);
	return line;
}
