/* The client's transport over hopping sockets. */
#include "uplink.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "net/inputlog.h"
#include "net/packet.h"
#include "term/view_wire.h"

int uplink_open(struct uplink *u, const char *host, unsigned port, uint64_t id,
		const uint8_t *key, void *local, void *remote, uint64_t now_ms)
{
	memset(u, 0, sizeof *u);
	if (net_addr_resolve(host, port, &u->server) != 0) {
		fprintf(stderr, "rsh: cannot resolve %s\n", host);
		return -1;
	}
	if (net_hop_init(&u->hop, u->server.ss.ss_family, now_ms) != 0) {
		fprintf(stderr, "rsh: socket: %s\n", strerror(errno));
		return -1;
	}
	u->t = transport_new(id, key, false, &inputlog_ops, local, &term_view_sync_ops, remote);
	net_conn_set_peer(transport_conn(u->t), (struct sockaddr *)&u->server.ss, u->server.len);
	return 0;
}

void uplink_close(struct uplink *u)
{
	if (u->t != NULL)
		transport_free(u->t);
	u->t = NULL;
	net_hop_close(&u->hop);
}

void uplink_tick(struct uplink *u, uint64_t now_ms)
{
	/* A failed hop keeps the current socket: better an old port than none. */
	(void)net_hop_tick(&u->hop, now_ms, transport_last_heard_ms(u->t));
	transport_tick(u->t, u->hop.fd[0], now_ms);
}

unsigned uplink_pollfds(const struct uplink *u, struct pollfd *p)
{
	for (unsigned i = 0; i < u->hop.n; i++)
		p[i] = (struct pollfd){ .fd = u->hop.fd[i], .events = POLLIN };
	return u->hop.n;
}

void uplink_receive(struct uplink *u, const struct pollfd *p, unsigned n, uint64_t now_ms,
		    void (*fresh)(void *arg), void *arg)
{
	uint8_t buf[NET_DGRAM_MAX];
	struct net_addr from;
	ssize_t len;

	for (unsigned i = 0; i < n; i++) {
		if (!(p[i].revents & POLLIN))
			continue;
		while ((len = net_udp_recv(p[i].fd, buf, sizeof buf, &from)) >= 0)
			if ((size_t)len <= sizeof buf && /* a cut one is no datagram of ours */
			    transport_receive(u->t, buf, (size_t)len, (struct sockaddr *)&from.ss,
					      from.len, now_ms) == 1)
				fresh(arg);
	}
}
