/* getaddrinfo in a detached thread, its answer written to a socket pair (resolve.h). */
#include "resolve.h"

#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "util/xmalloc.h"

struct net_resolve {
	int fd;
};

/* What the thread owns. */
struct request {
	char *host;
	unsigned port;
	int fd;
};

/* The answer on the wire between the two ends: ok, then the address. */
struct answer {
	int ok;
	struct net_addr addr;
};

static void *resolve_thread(void *arg)
{
	struct request *q = arg;
	struct answer a = {0};
	a.ok = net_addr_resolve(q->host, q->port, &a.addr) == 0;
	/* A caller gone has closed its end: the send fails, quietly (no SIGPIPE). */
	(void)send(q->fd, &a, sizeof a, MSG_NOSIGNAL);
	close(q->fd);
	free(q->host);
	free(q);
	return NULL;
}

net_resolve *net_resolve_start(const char *host, unsigned port)
{
	int sv[2];
	if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv) != 0)
		return NULL;
	struct request *q = xmalloc(sizeof *q);
	*q = (struct request){xstrdup(host), port, sv[1]};
	pthread_attr_t attr;
	pthread_t tid;
	int err = pthread_attr_init(&attr);
	if (err == 0) {
		pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
		err = pthread_create(&tid, &attr, resolve_thread, q);
		pthread_attr_destroy(&attr);
	}
	if (err != 0) {
		close(sv[0]);
		close(sv[1]);
		free(q->host);
		free(q);
		errno = err;
		return NULL;
	}
	net_resolve *r = xmalloc(sizeof *r);
	r->fd = sv[0];
	return r;
}

int net_resolve_fd(const net_resolve *r)
{
	return r->fd;
}

int net_resolve_finish(net_resolve *r, struct net_addr *out)
{
	struct answer a;
	ssize_t n;
	do
		n = recv(r->fd, &a, sizeof a, MSG_WAITALL);
	while (n < 0 && errno == EINTR);
	net_resolve_cancel(r);
	if (n != (ssize_t)sizeof a || !a.ok)
		return -1;
	*out = a.addr;
	return 0;
}

void net_resolve_cancel(net_resolve *r)
{
	close(r->fd);
	free(r);
}
