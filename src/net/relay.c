/* Datagrams between a byte stream and a UDP server. */
#include "relay.h"

#include <errno.h>
#include <poll.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "dgram_stream.h"

static int write_all(int fd, const uint8_t *p, size_t len)
{
	while (len > 0) {
		ssize_t n = write(fd, p, len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return -1;
		p += n;
		len -= (size_t)n;
	}
	return 0;
}

/* A datagram from the stream, to the server: one lost (a full buffer, a refusal) is
 * a lost datagram, which the sync rules recover from as on any link. */
static void to_server(void *arg, const uint8_t *dgram, size_t len)
{
	int sock = *(int *)arg;
	(void)send(sock, dgram, len, MSG_DONTWAIT);
}

/* The server's datagrams waiting on sock, framed onto out. */
static int from_server(int sock, int out)
{
	uint8_t dgram[NET_DGRAM_MAX + 1], frame[NET_STREAM_FRAME_MAX];
	ssize_t n;
	while ((n = recv(sock, dgram, sizeof dgram, MSG_DONTWAIT)) >= 0) {
		if (n == 0 || (size_t)n > NET_DGRAM_MAX)
			continue; /* no datagram of ours */
		if (write_all(out, frame, net_stream_frame(frame, dgram, (size_t)n)) != 0)
			return -1;
	}
	/* ECONNREFUSED: an ICMP error for an earlier send (a server restarting); not fatal. */
	return errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR ||
			       errno == ECONNREFUSED
		       ? 0
		       : -1;
}

int net_relay_run(int in, int out, const struct sockaddr *addr, socklen_t len)
{
	static struct net_stream_in stream;
	int sock = socket(addr->sa_family, SOCK_DGRAM | SOCK_CLOEXEC, 0);
	/* Connected: only the server's datagrams are taken, from nobody else. */
	if (sock < 0 || connect(sock, addr, len) != 0) {
		fprintf(stderr, "rsh: relay socket: %s\n", strerror(errno));
		if (sock >= 0)
			close(sock);
		return 1;
	}
	memset(&stream, 0, sizeof stream);
	int code = 1;
	for (;;) {
		struct pollfd p[2] = {{in, POLLIN, 0}, {sock, POLLIN, 0}};
		if (poll(p, 2, -1) < 0) {
			if (errno == EINTR)
				continue;
			fprintf(stderr, "rsh: relay: poll: %s\n", strerror(errno));
			break;
		}
		if (p[1].revents && from_server(sock, out) != 0) {
			code = 0; /* the stream's other end is gone: ssh closed */
			break;
		}
		if (p[0].revents) {
			uint8_t buf[16384];
			ssize_t n = read(in, buf, sizeof buf);
			if (n < 0 && (errno == EINTR || errno == EAGAIN))
				continue;
			if (n <= 0) {
				code = 0;
				break;
			}
			if (!net_stream_feed(&stream, buf, (size_t)n, to_server, &sock)) {
				fprintf(stderr, "rsh: relay: a bad frame on the stream\n");
				break;
			}
		}
	}
	close(sock);
	return code;
}
