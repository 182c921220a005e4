/*
 * A TCP forwarding as ssh writes it for -L and -R: [bind_address:]port:host:hostport.
 * An IPv6 address is written in brackets ([::1]:8080:[::1]:80). An empty bind address or
 * "*" means every interface; none, the loopback address (ssh's default, GatewayPorts no).
 */
#ifndef RSH_NET_FORWARD_SPEC_H
#define RSH_NET_FORWARD_SPEC_H

#include <stdbool.h>

#define FWD_HOST_MAX 255

struct fwd_spec {
	char bind[FWD_HOST_MAX + 1]; /* "" for the loopback address, "*" for every one */
	unsigned port;               /* where to listen, 0..65535 (0: the listening end
				      * picks one, for -R only, as ssh) */
	char host[FWD_HOST_MAX + 1]; /* where the other end connects to */
	unsigned hostport;
};

/* Whether s is meant as a forwarding (it has a colon), not a -L socket name. */
bool fwd_spec_like(const char *s);
/* Parses s; false when it is not a forwarding as above. */
bool fwd_spec_parse(const char *s, struct fwd_spec *out);
/* The address to bind a listener of spec to, for net_addr_resolve (NULL: every one). */
const char *fwd_spec_bind_host(const struct fwd_spec *s);

#endif
