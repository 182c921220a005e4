/* ssh's forwarding specification: fields split at colons outside brackets. */
#include "forward_spec.h"

#include <stdlib.h>
#include <string.h>

#define FIELDS_MAX 4

bool fwd_spec_like(const char *s)
{
	return strchr(s, ':') != NULL;
}

/* Splits s into at most FIELDS_MAX fields, brackets taken off; -1 when malformed. */
static int split(const char *s, char field[FIELDS_MAX][FWD_HOST_MAX + 1])
{
	int n = 0;
	for (;;) {
		if (n == FIELDS_MAX)
			return -1;
		size_t len;
		if (*s == '[') {
			const char *close = strchr(s, ']');
			if (close == NULL || (close[1] != ':' && close[1] != '\0'))
				return -1;
			len = (size_t)(close - s - 1);
			s++;
			if (len > FWD_HOST_MAX)
				return -1;
			memcpy(field[n], s, len);
			s = close + 1;
		} else {
			len = strcspn(s, ":");
			if (len > FWD_HOST_MAX)
				return -1;
			memcpy(field[n], s, len);
			s += len;
		}
		field[n++][len] = '\0';
		if (*s == '\0')
			return n;
		s++; /* the colon */
	}
}

/* A port from least to 65535. */
static bool port_parse(const char *s, unsigned least, unsigned *port)
{
	char *end;
	if (*s < '0' || *s > '9')
		return false;
	unsigned long v = strtoul(s, &end, 10);
	*port = (unsigned)v;
	return *end == '\0' && v >= least && v <= 65535;
}

bool fwd_spec_parse(const char *s, struct fwd_spec *out)
{
	char f[FIELDS_MAX][FWD_HOST_MAX + 1];
	int n = split(s, f);
	if (n != 3 && n != 4)
		return false;
	memset(out, 0, sizeof *out);
	int i = 0;
	if (n == 4) {
		strcpy(out->bind, f[i++][0] == '\0' ? "*" : f[0]);
	}
	return port_parse(f[i], 0, &out->port) && f[i + 1][0] != '\0' &&
	       strcpy(out->host, f[i + 1]) != NULL && port_parse(f[i + 2], 1, &out->hostport);
}

const char *fwd_spec_bind_host(const struct fwd_spec *s)
{
	if (s->bind[0] == '\0' || strcmp(s->bind, "localhost") == 0)
		return "127.0.0.1";
	return strcmp(s->bind, "*") == 0 ? NULL : s->bind;
}
