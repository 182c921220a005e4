/*
 * The ssh path's two halves in net: datagrams framed on a byte stream come out whole and
 * in order whatever the pieces they arrive in, a bad length breaks the stream for good;
 * and the relay (net_relay_run, in a child here on a socketpair) carries datagrams both
 * ways between the stream and a UDP server, which sees the relay's own socket as the
 * peer, and ends at the stream's end.
 */
#include <poll.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include "check.h"
#include "net/dgram_stream.h"
#include "net/relay.h"
#include "net/udp.h"

struct seen {
	uint8_t dgrams[8][NET_DGRAM_MAX];
	size_t len[8], n;
};

static void got(void *arg, const uint8_t *dgram, size_t len)
{
	struct seen *s = arg;
	CHECK(s->n < 8);
	memcpy(s->dgrams[s->n], dgram, len);
	s->len[s->n++] = len;
}

static void framing(void)
{
	static struct net_stream_in in;
	static uint8_t stream[4 * NET_STREAM_FRAME_MAX];
	static struct seen seen;
	uint8_t a[46], b[NET_DGRAM_MAX];
	memset(a, 'a', sizeof a);
	memset(b, 'b', sizeof b);
	size_t len = net_stream_frame(stream, a, sizeof a);
	CHECK(len == 48 && stream[0] == 0 && stream[1] == 46);
	len += net_stream_frame(stream + len, b, sizeof b);
	len += net_stream_frame(stream + len, a, 1);
	/* A byte at a time: the same three datagrams, in order. */
	for (size_t i = 0; i < len; i++)
		CHECK(net_stream_feed(&in, stream + i, 1, got, &seen));
	CHECK(seen.n == 3 && seen.len[0] == 46 && seen.len[1] == NET_DGRAM_MAX &&
	      seen.len[2] == 1 && memcmp(seen.dgrams[1], b, sizeof b) == 0 && in.len == 0);
	/* A length of 0, or above the largest datagram: broken, and it stays broken. */
	static const uint8_t zero[] = {0, 0, 0, 1, 'x'}, big[] = {0x05, 0x01};
	memset(&in, 0, sizeof in);
	seen.n = 0;
	CHECK(!net_stream_feed(&in, zero, sizeof zero, got, &seen) && seen.n == 0);
	CHECK(!net_stream_feed(&in, stream, len, got, &seen) && seen.n == 0);
	memset(&in, 0, sizeof in);
	CHECK(!net_stream_feed(&in, big, sizeof big, got, &seen));
	const uint8_t *d;
	size_t dlen;
	CHECK(net_stream_next(big, 1, &d, &dlen) == 0 && net_stream_next(big, 2, &d, &dlen) == -1);
}

static void relay(void)
{
	struct net_addr any, server, from;
	CHECK(net_addr_resolve("127.0.0.1", 0, &any) == 0);
	int udp = net_udp_bind((struct sockaddr *)&any.ss, any.len);
	CHECK(udp >= 0);
	server.len = sizeof server.ss;
	CHECK(getsockname(udp, (struct sockaddr *)&server.ss, &server.len) == 0);
	int sv[2];
	CHECK(socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv) == 0);
	pid_t pid = fork();
	if (pid == 0) {
		close(sv[0]);
		_exit(net_relay_run(sv[1], sv[1], (struct sockaddr *)&server.ss, server.len));
	}
	close(sv[1]);

	/* Stream to server: the datagram as framed, from the relay's own socket. */
	uint8_t frame[NET_STREAM_FRAME_MAX], dgram[NET_DGRAM_MAX];
	memset(dgram, 'u', 100);
	size_t len = net_stream_frame(frame, dgram, 100);
	CHECK(write(sv[0], frame, len) == (ssize_t)len);
	struct pollfd p = {udp, POLLIN, 0};
	CHECK(poll(&p, 1, 10000) == 1);
	uint8_t buf[2000];
	CHECK(net_udp_recv(udp, buf, sizeof buf, &from) == 100 && buf[99] == 'u');
	CHECK(!net_addr_equal((struct sockaddr *)&from.ss, from.len,
			      (struct sockaddr *)&server.ss, server.len));

	/* Server to stream: its answer to that source comes back framed. */
	memset(dgram, 'd', 200);
	CHECK(sendto(udp, dgram, 200, 0, (struct sockaddr *)&from.ss, from.len) == 200);
	static struct net_stream_in in;
	static struct seen seen;
	while (seen.n == 0) {
		p = (struct pollfd){sv[0], POLLIN, 0};
		CHECK(poll(&p, 1, 10000) == 1);
		ssize_t n = read(sv[0], buf, sizeof buf);
		CHECK(n > 0 && net_stream_feed(&in, buf, (size_t)n, got, &seen));
	}
	CHECK(seen.len[0] == 200 && seen.dgrams[0][199] == 'd');

	/* A broken stream ends it with status 1; the stream's end, with 0. */
	close(sv[0]);
	int status;
	CHECK(waitpid(pid, &status, 0) == pid && WIFEXITED(status) && WEXITSTATUS(status) == 0);
	close(udp);
}

int main(void)
{
	signal(SIGPIPE, SIG_IGN);
	framing();
	relay();
	return 0;
}
