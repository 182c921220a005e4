/* The server's UDP sockets, by address and port range. */
#include "udp_listen.h"

#include <arpa/inet.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "net/udp.h"
#include "util/xmalloc.h"

struct udp_listen {
	char *host;
	unsigned low, high;
	int fd;
	unsigned port;
};

static struct udp_listen *sockets;
static size_t nsockets;

static unsigned port_of(const struct net_addr *a)
{
	const struct sockaddr *sa = (const struct sockaddr *)&a->ss;
	if (sa->sa_family == AF_INET6)
		return ntohs(((const struct sockaddr_in6 *)(const void *)sa)->sin6_port);
	return ntohs(((const struct sockaddr_in *)(const void *)sa)->sin_port);
}

int udp_listen_get(const char *host, unsigned low, unsigned high, unsigned *port,
		   const char **why)
{
	if (host == NULL) {
		host = "127.0.0.1";
		low = NET_PORT_LOW;
		high = NET_PORT_HIGH;
	}
	for (size_t i = 0; i < nsockets; i++) {
		struct udp_listen *u = &sockets[i];
		if (strcmp(u->host, host) == 0 && u->low == low && u->high == high) {
			*port = u->port;
			return u->fd;
		}
	}
	struct net_addr bound;
	int fd = net_udp_bind_range(host, low, high, &bound);
	if (fd < 0) {
		*why = errno == EADDRINUSE ? "no free UDP port in the range"
		       : errno == EADDRNOTAVAIL ? "cannot bind UDP on that address"
					       : "cannot bind a UDP port";
		return -1;
	}
	/* A client killed leaves a port that answers "unreachable": see clients_refused. */
	net_udp_want_errors(fd);
	sockets = xreallocarray(sockets, nsockets + 1, sizeof *sockets);
	sockets[nsockets++] = (struct udp_listen){xstrdup(host), low, high, fd, port_of(&bound)};
	*port = sockets[nsockets - 1].port;
	return fd;
}

size_t udp_listen_fds(int *fds, size_t max)
{
	for (size_t i = 0; i < nsockets && i < max; i++)
		fds[i] = sockets[i].fd;
	return nsockets;
}

void udp_listen_close_all(void)
{
	for (size_t i = 0; i < nsockets; i++) {
		close(sockets[i].fd);
		free(sockets[i].host);
	}
	free(sockets);
	sockets = NULL;
	nsockets = 0;
}
