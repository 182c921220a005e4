/*
 * The server's UDP sockets, where attached clients reach it: one per address and port
 * range asked for (a local attach: 127.0.0.1 in NET_PORT_LOW..NET_PORT_HIGH; a remote one
 * over ssh: the address ssh came in on, in the range the user gave), bound on first use
 * and kept for the server's life. Many clients share a socket; the connection id in each
 * datagram says whose it is.
 */
#ifndef RSH_SERVER_UDP_LISTEN_H
#define RSH_SERVER_UDP_LISTEN_H

#include <stddef.h>

/* The socket for host (numeric; NULL: 127.0.0.1) and ports low..high, bound now if it is
 * not yet. Returns its fd and port, or -1 with a one-line reason in *why. */
int udp_listen_get(const char *host, unsigned low, unsigned high, unsigned *port,
		   const char **why);
/* The sockets bound so far, to poll: fills up to max fds; returns how many there are. */
size_t udp_listen_fds(int *fds, size_t max);
void udp_listen_close_all(void);

#endif
