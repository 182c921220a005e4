/* Datagrams sent in batches by sendmmsg (sendq.h). */
#include "sendq.h"

#include <errno.h>
#include <string.h>
#include <sys/uio.h>

#include "packet.h"

struct queued {
	int fd;
	socklen_t tolen;
	struct sockaddr_storage to;
	size_t len;
	uint8_t data[NET_DGRAM_MAX];
};

static struct queued queue[SENDQ_MAX];
static size_t nqueued;
static bool holding;
static uint64_t refused;

void sendq_hold(void)
{
	holding = true;
}

bool sendq_holding(void)
{
	return holding;
}

/* Sends queue[from, to), all for one fd; a refused datagram is skipped, counted. */
static void send_run(size_t from, size_t to)
{
	struct mmsghdr msgs[SENDQ_MAX];
	struct iovec iov[SENDQ_MAX];
	size_t n = to - from;
	for (size_t i = 0; i < n; i++) {
		struct queued *q = &queue[from + i];
		iov[i] = (struct iovec){ q->data, q->len };
		msgs[i] = (struct mmsghdr){ .msg_hdr = { .msg_name = &q->to,
							 .msg_namelen = q->tolen,
							 .msg_iov = &iov[i],
							 .msg_iovlen = 1 } };
	}
	size_t done = 0;
	while (done < n) {
		int sent = sendmmsg(queue[from].fd, msgs + done, (unsigned)(n - done), 0);
		if (sent < 0 && errno == EINTR)
			continue;
		if (sent <= 0) { /* the first one is refused (sendmmsg says so for it alone) */
			refused++;
			done++;
			continue;
		}
		done += (size_t)sent;
	}
}

void sendq_flush(void)
{
	size_t run = 0;
	for (size_t i = 1; i <= nqueued; i++)
		if (i == nqueued || queue[i].fd != queue[run].fd) {
			send_run(run, i);
			run = i;
		}
	nqueued = 0;
	holding = false;
}

bool sendq_push(int fd, const struct sockaddr *to, socklen_t tolen, const uint8_t *dgram,
		size_t len)
{
	if (len > NET_DGRAM_MAX || tolen > sizeof queue[0].to)
		return false;
	if (nqueued == SENDQ_MAX) {
		sendq_flush();
		holding = true;
	}
	struct queued *q = &queue[nqueued++];
	q->fd = fd;
	q->tolen = tolen;
	memcpy(&q->to, to, tolen);
	q->len = len;
	memcpy(q->data, dgram, len);
	return true;
}

uint64_t sendq_refused(void)
{
	return refused;
}
