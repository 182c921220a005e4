/* Debug logging, off unless asked for: the server has no terminal to complain to. */
#include "log.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

#include "util/xmalloc.h"

static FILE *log_file;

void log_open(const char *dir)
{
	if (getenv("RSH_DEBUG") == NULL)
		return;
	char *path;
	xasprintf(&path, "%s/rsh-server-%ld.log", dir, (long)getpid());
	log_file = fopen(path, "ae");
	free(path);
	if (log_file != NULL)
		setvbuf(log_file, NULL, _IOLBF, 0);
}

void log_close(void)
{
	if (log_file != NULL)
		fclose(log_file);
	log_file = NULL;
}

void log_debug(const char *fmt, ...)
{
	if (log_file == NULL)
		return;
	struct timespec ts;
	clock_gettime(CLOCK_REALTIME, &ts);
	fprintf(log_file, "%lld.%06ld ", (long long)ts.tv_sec, ts.tv_nsec / 1000);
	va_list ap;
	va_start(ap, fmt);
	vfprintf(log_file, fmt, ap);
	va_end(ap);
	fputc('\n', log_file);
}
