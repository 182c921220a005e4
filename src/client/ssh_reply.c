/* The host's answer through ssh: see ssh_reply.h. */
#include "ssh_reply.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

#include "util/printable.h"
#include "util/xmalloc.h"

const char *ssh_reply_line(const char *p, size_t len, const char *prefix, size_t *linelen)
{
	size_t plen = strlen(prefix);
	if (p == NULL)
		return NULL; /* nothing was read */
	for (const char *end = p + len; p < end;) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		size_t n = nl != NULL ? (size_t)(nl + 1 - p) : (size_t)(end - p);
		if (n >= plen && memcmp(p, prefix, plen) == 0) {
			*linelen = n;
			return p;
		}
		p += n;
	}
	return NULL;
}

/* Not cutting a UTF-8 character; controls (C1 too) and NULs escaped so that a host
 * cannot drive our terminal. */
char *ssh_reply_last_line(const char *p, size_t len)
{
	while (len > 0 && (p[len - 1] == '\n' || p[len - 1] == '\r'))
		len--;
	size_t start = len;
	while (start > 0 && p[start - 1] != '\n')
		start--;
	size_t n = len - start;
	if (n > SSH_REPLY_QUOTE_MAX) {
		n = SSH_REPLY_QUOTE_MAX;
		while (n > 0 && (p[start + n] & 0xc0) == 0x80)
			n--;
	}
	return printable_copy(p + start, n, "");
}

/* Why there is no connect line, from how ssh ended and what it said. */
static char *failure(int status, const char *err, size_t errlen)
{
	char *line = ssh_reply_last_line(err, errlen), *why;
	int code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
	if (code == 255)
		xasprintf(&why, "ssh failed: %s", *line ? line : "exit status 255");
	else if (code == 127 || code == 126)
		xasprintf(&why, "rsh not found on the host (%s); give its path with --server",
			  *line ? line : "command not found");
	else if (*line)
		xasprintf(&why, "the host says: %s", /* we say "rsh: " once */
			  strncmp(line, "rsh: ", 5) == 0 ? line + 5 : line);
	else if (code >= 0)
		xasprintf(&why, "no RSH CONNECT line from the host (exit status %d)", code);
	else
		xasprintf(&why, "no RSH CONNECT line from the host (ssh killed by signal %d)",
			  WTERMSIG(status));
	free(line);
	return why;
}

char *ssh_reply_read(const char *out, size_t outlen, const char *err, size_t errlen, int status,
		     struct net_connect *c)
{
	size_t len;
	const char *line = ssh_reply_line(out, outlen, NET_CONNECT_PREFIX, &len);
	if (line == NULL)
		return failure(status, err, errlen);
	const char *bad = net_connect_parse(line, len, c);
	char *why = NULL;
	if (bad != NULL)
		xasprintf(&why, "bad reply from the host: %s", bad);
	return why;
}
