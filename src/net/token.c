/* The connect line and its token. */
#include "token.h"

#include <sodium.h>
#include <string.h>

#include "../util/xmalloc.h"

#define TOKEN_BYTES (8 + NET_KEY_LEN)
#define VARIANT sodium_base64_VARIANT_URLSAFE_NO_PADDING

void net_token_encode(const struct net_connect *c, char out[NET_TOKEN_CHARS + 1])
{
	uint8_t raw[TOKEN_BYTES];
	for (int i = 0; i < 8; i++)
		raw[i] = (uint8_t)(c->id >> (56 - 8 * i));
	memcpy(raw + 8, c->key, NET_KEY_LEN);
	sodium_bin2base64(out, NET_TOKEN_CHARS + 1, raw, sizeof raw, VARIANT);
	sodium_memzero(raw, sizeof raw);
}

/* libsodium 1.0.18 decodes some bytes outside the alphabet, so we check it first. */
static bool base64url(const char *s)
{
	static const char alphabet[] =
		"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
	return strspn(s, alphabet) == strlen(s);
}

bool net_token_decode(const char *token, struct net_connect *c)
{
	uint8_t raw[TOKEN_BYTES];
	size_t len;
	const char *end;
	if (strlen(token) != NET_TOKEN_CHARS || !base64url(token) ||
	    sodium_base642bin(raw, sizeof raw, token, NET_TOKEN_CHARS, NULL, &len, &end,
			      VARIANT) != 0 ||
	    len != sizeof raw || *end != '\0')
		return false;
	c->id = 0;
	for (int i = 0; i < 8; i++)
		c->id = c->id << 8 | raw[i];
	memcpy(c->key, raw + 8, NET_KEY_LEN);
	sodium_memzero(raw, sizeof raw);
	return true;
}

char *net_connect_format(const struct net_connect *c)
{
	char token[NET_TOKEN_CHARS + 1], *line;
	net_token_encode(c, token);
	xasprintf(&line, NET_CONNECT_PREFIX "%u %s\n", c->port, token);
	sodium_memzero(token, sizeof token);
	return line;
}

const char *net_connect_parse(const char *line, size_t len, struct net_connect *c)
{
	size_t prefix = strlen(NET_CONNECT_PREFIX);
	if (len > 0 && line[len - 1] == '\n')
		len--;
	if (len > 0 && line[len - 1] == '\r')
		len--;
	if (len < prefix || memcmp(line, NET_CONNECT_PREFIX, prefix) != 0)
		return "not an RSH CONNECT line";
	line += prefix;
	len -= prefix;
	unsigned long port = 0;
	size_t i = 0;
	while (i < len && i < 6 && line[i] >= '0' && line[i] <= '9')
		port = port * 10 + (unsigned long)(line[i++] - '0');
	if (i == 0 || line[0] == '0' || port > 65535 || i >= len || line[i] != ' ')
		return "bad port in the RSH CONNECT line";
	line += i + 1;
	len -= i + 1;
	char token[NET_TOKEN_CHARS + 1];
	if (len != NET_TOKEN_CHARS)
		return "bad token in the RSH CONNECT line";
	memcpy(token, line, len);
	token[len] = '\0';
	bool ok = net_token_decode(token, c);
	sodium_memzero(token, sizeof token);
	if (!ok)
		return "bad token in the RSH CONNECT line";
	c->port = (unsigned)port;
	return NULL;
}
