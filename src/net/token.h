/*
 * The connect line: how whoever starts a connection (the server answering an attach, or
 * `rsh bootstrap` over ssh) tells the client where and how to reach it:
 *   RSH CONNECT <port> <token>
 * The token is the connection id (8 bytes, big-endian) then its key (32 bytes), in
 * base64url without padding: 54 characters. The line may come from a remote host through
 * ssh, so parsing checks everything and says what is wrong.
 */
#ifndef RSH_NET_TOKEN_H
#define RSH_NET_TOKEN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "crypto.h"

#define NET_TOKEN_CHARS 54
#define NET_CONNECT_PREFIX "RSH CONNECT "

struct net_connect {
	unsigned port; /* 1..65535 */
	uint64_t id;
	uint8_t key[NET_KEY_LEN];
};

/* The token for c, NUL-terminated, into out. */
void net_token_encode(const struct net_connect *c, char out[NET_TOKEN_CHARS + 1]);
/* The id and key of a token (exactly NET_TOKEN_CHARS characters, NUL-terminated); false
 * when it is not one. */
bool net_token_decode(const char *token, struct net_connect *c);

/* The connect line for c, newline included, allocated. */
char *net_connect_format(const struct net_connect *c);
/*
 * Parses one line (a trailing "\n" or "\r\n" allowed, nothing else after it). Returns NULL
 * with *c filled in, or why the line is not a connect line.
 */
const char *net_connect_parse(const char *line, size_t len, struct net_connect *c);

#endif
