/* The client's current and old sockets, and when to hop to a new one. */
#include "hop.h"

#include <errno.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

/* An unbound socket: the kernel picks a fresh source port at the first send. */
static int new_socket(int family)
{
	return socket(family, SOCK_DGRAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
}

int net_hop_init(struct net_hop *h, int family, uint64_t now_ms)
{
	memset(h, 0, sizeof *h);
	h->family = family;
	h->fd[0] = new_socket(family);
	if (h->fd[0] < 0)
		return -1;
	h->n = 1;
	h->last_hop = now_ms;
	return 0;
}

void net_hop_close(struct net_hop *h)
{
	for (unsigned i = 0; i < h->n; i++)
		close(h->fd[i]);
	h->n = 0;
}

static void close_at(struct net_hop *h, unsigned i)
{
	close(h->fd[i]);
	memmove(&h->fd[i], &h->fd[i + 1], (h->n - i - 1) * sizeof h->fd[0]);
	memmove(&h->retired[i], &h->retired[i + 1], (h->n - i - 1) * sizeof h->retired[0]);
	h->n--;
}

int net_hop_now(struct net_hop *h, uint64_t now_ms)
{
	int fd = new_socket(h->family);
	if (fd < 0)
		return -1;
	if (h->n == NET_HOP_MAX)
		close_at(h, h->n - 1); /* the oldest */
	memmove(&h->fd[1], &h->fd[0], h->n * sizeof h->fd[0]);
	memmove(&h->retired[1], &h->retired[0], h->n * sizeof h->retired[0]);
	h->fd[0] = fd;
	h->retired[1] = now_ms;
	h->retired[0] = 0;
	h->n++;
	h->last_hop = now_ms;
	return 0;
}

int net_hop_tick(struct net_hop *h, uint64_t now_ms, uint64_t last_roundtrip_ms)
{
	for (unsigned i = h->n; i-- > 1;) {
		if (now_ms - h->retired[i] > NET_HOP_KEEP_MS)
			close_at(h, i);
	}
	if (now_ms - h->last_hop <= NET_HOP_SILENCE_MS ||
	    now_ms - last_roundtrip_ms <= NET_HOP_SILENCE_MS)
		return 0;
	return net_hop_now(h, now_ms) == 0 ? 1 : -1;
}
