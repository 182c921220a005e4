/* The forwarding tests' echo server: see tcp_echo.h. */
#include "tcp_echo.h"

#include <errno.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include "check.h"

int tcp_listen_any(unsigned *port)
{
	struct sockaddr_in a = {.sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
	socklen_t len = sizeof a;
	int fd = socket(AF_INET, SOCK_STREAM, 0);
	CHECK(fd >= 0);
	CHECK(bind(fd, (struct sockaddr *)&a, sizeof a) == 0 && listen(fd, 16) == 0);
	CHECK(getsockname(fd, (struct sockaddr *)&a, &len) == 0);
	*port = ntohs(a.sin_port);
	return fd;
}

unsigned tcp_free_port(void)
{
	unsigned port;
	close(tcp_listen_any(&port));
	return port;
}

pid_t tcp_echo_server(int lfd)
{
	pid_t pid = fork();
	CHECK(pid >= 0);
	if (pid > 0) {
		close(lfd);
		return pid;
	}
	struct pollfd p[64] = {{lfd, POLLIN, 0}};
	nfds_t n = 1;
	char buf[8192];
	for (;;) {
		if (poll(p, n, -1) < 0)
			continue;
		for (nfds_t i = n; i-- > 1;) {
			if (p[i].revents == 0)
				continue;
			ssize_t k = read(p[i].fd, buf, sizeof buf);
			for (ssize_t off = 0; k > 0 && off < k;) {
				ssize_t w = write(p[i].fd, buf + off, (size_t)(k - off));
				if (w <= 0)
					break;
				off += w;
			}
			if (k <= 0) {
				shutdown(p[i].fd, SHUT_WR);
				close(p[i].fd);
				p[i] = p[--n];
			}
		}
		if ((p[0].revents & POLLIN) && n < 64) {
			int fd = accept(lfd, NULL, NULL);
			if (fd >= 0)
				p[n++] = (struct pollfd){fd, POLLIN, 0};
		}
	}
}

unsigned char tcp_pattern_byte(unsigned c, size_t i)
{
	unsigned long long x = (i + 1) * 0x9e3779b97f4a7c15ull + c * 7919;
	return (unsigned char)(x >> 40);
}

static long long now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

int tcp_connect_retry(harness_client *c, unsigned port)
{
	struct sockaddr_in a = {.sin_family = AF_INET, .sin_port = htons((uint16_t)port),
				.sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
	long long end = now_ms() + HARNESS_TIMEOUT_MS;
	for (;;) {
		int fd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
		CHECK(fd >= 0);
		if (connect(fd, (struct sockaddr *)&a, sizeof a) == 0 || errno == EINPROGRESS)
			return fd;
		close(fd);
		if (now_ms() > end)
			harness_fail(c, "nothing listens on port %u", port);
		harness_pump(c, 100);
	}
}
