/* UDP sockets and addresses, IPv4 and IPv6. Every socket made here is non-blocking. */
#ifndef RSH_NET_UDP_H
#define RSH_NET_UDP_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/socket.h>
#include <sys/types.h>

#define NET_PORT_LOW 60000 /* default server port range */
#define NET_PORT_HIGH 61000
#define NET_ADDR_STRLEN 56 /* "[" IPv6 "]:" port, with room to spare */

struct net_addr {
	struct sockaddr_storage ss;
	socklen_t len;
};

/* Resolves a numeric or named host (NULL: the wildcard address) and a port. */
int net_addr_resolve(const char *host, unsigned port, struct net_addr *out);
bool net_addr_equal(const struct sockaddr *a, socklen_t alen, const struct sockaddr *b,
		    socklen_t blen);
/* "127.0.0.1:60001" or "[::1]:60001", into buf of NET_ADDR_STRLEN bytes. */
const char *net_addr_str(const struct sockaddr *a, socklen_t len, char *buf);

/* A socket bound to addr (port 0: any free port). -1 with errno on failure. */
int net_udp_bind(const struct sockaddr *addr, socklen_t len);
/* A socket bound to host on the first free port of lo..hi, written to *bound. */
int net_udp_bind_range(const char *host, unsigned lo, unsigned hi, struct net_addr *bound);
/*
 * Asks the kernel to queue what ICMP says of datagrams sent from fd (IP_RECVERR): a host
 * that answers "port unreachable" has nothing listening there any more (a client killed).
 * Poll then reports POLLERR until net_udp_refused has taken the queue.
 */
int net_udp_want_errors(int fd);
/* Takes the queued errors up to the next "port unreachable", whose destination goes to
 * *to: false once the queue is empty. Other errors are taken and ignored. */
bool net_udp_refused(int fd, struct net_addr *to);
/* Receives one datagram of at most size bytes. Returns its full length (more than size
 * when it was cut, so the caller can drop it as oversized) or -1 with errno. */
ssize_t net_udp_recv(int fd, void *buf, size_t size, struct net_addr *from);

#endif
