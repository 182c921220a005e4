/* The connect line: round trips, and each malformed line refused with its reason. */
#include <sodium.h>
#include <string.h>

#include "check.h"
#include "net/token.h"

static void refused(const char *line, const char *why)
{
	struct net_connect c;
	const char *err = net_connect_parse(line, strlen(line), &c);
	CHECKF(err != NULL && strstr(err, why) != NULL, "\"%s\": %s, expected %s", line,
	       err ? err : "accepted", why);
}

int main(void)
{
	CHECK(sodium_init() >= 0);
	for (unsigned i = 0; i < 1000; i++) {
		struct net_connect c = {1 + i * 65, 0, {0}}, d;
		randombytes_buf(&c.id, sizeof c.id);
		randombytes_buf(c.key, sizeof c.key);
		char *line = net_connect_format(&c);
		CHECK(strlen(line) == strlen(NET_CONNECT_PREFIX) + NET_TOKEN_CHARS + 3 +
					      (c.port >= 10) + (c.port >= 100) +
					      (c.port >= 1000) + (c.port >= 10000));
		CHECKF(net_connect_parse(line, strlen(line), &d) == NULL, "%s", line);
		CHECK(d.port == c.port && d.id == c.id && memcmp(d.key, c.key, sizeof c.key) == 0);
		/* Without the newline, and with a CR before it. */
		CHECK(net_connect_parse(line, strlen(line) - 1, &d) == NULL);
		line[strlen(line) - 1] = '\r';
		CHECK(net_connect_parse(line, strlen(line), &d) == NULL && d.id == c.id);
		free(line);
	}
	/* A known token: id 0x0102030405060708, key 0..31. */
	struct net_connect k = {60001, 0x0102030405060708ull, {0}};
	for (int i = 0; i < 32; i++)
		k.key[i] = (uint8_t)i;
	char token[NET_TOKEN_CHARS + 1];
	net_token_encode(&k, token);
	CHECKF(strcmp(token, "AQIDBAUGBwgAAQIDBAUGBwgJCgsMDQ4PEBESExQVFhcYGRobHB0eHw") == 0, "%s",
	       token);

	const char *good = "AQIDBAUGBwgAAQIDBAUGBwgJCgsMDQ4PEBESExQVFhcYGRobHB0eHw";
	char line[256];
	refused("", "not an RSH CONNECT line");
	refused("RSH CONNEC 1 x", "not an RSH CONNECT line");
	refused("ssh: connect to host x port 22: Connection refused", "not an RSH CONNECT");
	snprintf(line, sizeof line, "RSH CONNECT 0 %s", good);
	refused(line, "bad port");
	snprintf(line, sizeof line, "RSH CONNECT 65536 %s", good);
	refused(line, "bad port");
	snprintf(line, sizeof line, "RSH CONNECT 1234567 %s", good);
	refused(line, "bad port");
	snprintf(line, sizeof line, "RSH CONNECT -1 %s", good);
	refused(line, "bad port");
	snprintf(line, sizeof line, "RSH CONNECT  60001 %s", good);
	refused(line, "bad port");
	snprintf(line, sizeof line, "RSH CONNECT 060001 %s", good);
	refused(line, "bad port");
	refused("RSH CONNECT 60001", "bad port");
	refused("RSH CONNECT 60001 ", "bad token");
	snprintf(line, sizeof line, "RSH CONNECT 60001 %.53s", good);
	refused(line, "bad token");
	snprintf(line, sizeof line, "RSH CONNECT 60001 %sA", good);
	refused(line, "bad token");
	snprintf(line, sizeof line, "RSH CONNECT 60001 %s\n\n", good);
	refused(line, "bad token");
	snprintf(line, sizeof line, "RSH CONNECT 60001 %.53s=", good);
	refused(line, "bad token");
	snprintf(line, sizeof line, "RSH CONNECT 60001 %.53s+", good); /* not base64url */
	refused(line, "bad token");
	snprintf(line, sizeof line, "RSH CONNECT 60001 %.52s\xc3\xa9", good);
	refused(line, "bad token");
	/* The last character carries 4 bits of padding that must be zero. */
	snprintf(line, sizeof line, "RSH CONNECT 60001 %.53sf", good);
	refused(line, "bad token");
	return 0;
}
