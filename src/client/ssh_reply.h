/*
 * Reading what ssh brought back from `rsh bootstrap` on the host: the connect line among
 * its output, or why there is none. The bytes come from the remote host, its shell's
 * start-up files included, so they are untrusted: any bytes, any length, and what is shown
 * of them is one line of printable characters.
 */
#ifndef RSH_CLIENT_SSH_REPLY_H
#define RSH_CLIENT_SSH_REPLY_H

#include <stddef.h>

#include "net/token.h"

/* The longest piece of the host's words quoted in a reason, in bytes. */
#define SSH_REPLY_QUOTE_MAX 200

/*
 * ssh exited with wait status status, having written out (outlen bytes) and err. Returns
 * NULL with *c from the first connect line of out, or an allocated one-line reason: the
 * connect line is bad; ssh failed (status 255: its last line); rsh is not on the host
 * (126, 127); the host's rsh said why (its last line, "rsh: " removed); or nothing came.
 */
char *ssh_reply_read(const char *out, size_t outlen, const char *err, size_t errlen, int status,
		     struct net_connect *c);

/* The last non-empty line of text, at most SSH_REPLY_QUOTE_MAX bytes of it, control
 * characters shown as octal escapes (printable.h). Allocated; "" when there is none. */
char *ssh_reply_last_line(const char *p, size_t len);

/* The first line of p[0..len) that starts with prefix, or NULL; its length, newline
 * included, in *linelen. */
const char *ssh_reply_line(const char *p, size_t len, const char *prefix, size_t *linelen);

#endif
