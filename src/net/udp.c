/* UDP sockets and addresses. */
#include "udp.h"

#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <linux/errqueue.h>
#include <netdb.h>
#include <netinet/in.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

int net_addr_resolve(const char *host, unsigned port, struct net_addr *out)
{
	struct addrinfo hints = { .ai_socktype = SOCK_DGRAM };
	struct addrinfo *res;
	char service[16];

	if (host == NULL)
		hints.ai_flags |= AI_PASSIVE;
	snprintf(service, sizeof service, "%u", port);
	if (getaddrinfo(host, service, &hints, &res) != 0) {
		errno = EADDRNOTAVAIL;
		return -1;
	}
	memcpy(&out->ss, res->ai_addr, res->ai_addrlen);
	out->len = res->ai_addrlen;
	freeaddrinfo(res);
	return 0;
}

bool net_addr_equal(const struct sockaddr *a, socklen_t alen, const struct sockaddr *b,
		    socklen_t blen)
{
	if (alen == 0 || blen == 0 || a->sa_family != b->sa_family)
		return false;
	if (a->sa_family == AF_INET) {
		const struct sockaddr_in *x = (const void *)a, *y = (const void *)b;
		return x->sin_port == y->sin_port && x->sin_addr.s_addr == y->sin_addr.s_addr;
	}
	if (a->sa_family == AF_INET6) {
		const struct sockaddr_in6 *x = (const void *)a, *y = (const void *)b;
		return x->sin6_port == y->sin6_port && x->sin6_scope_id == y->sin6_scope_id &&
		       memcmp(&x->sin6_addr, &y->sin6_addr, sizeof x->sin6_addr) == 0;
	}
	return alen == blen && memcmp(a, b, alen) == 0;
}

const char *net_addr_str(const struct sockaddr *a, socklen_t len, char *buf)
{
	char host[INET6_ADDRSTRLEN];
	if (len != 0 && a->sa_family == AF_INET) {
		const struct sockaddr_in *in = (const void *)a;
		inet_ntop(AF_INET, &in->sin_addr, host, sizeof host);
		snprintf(buf, NET_ADDR_STRLEN, "%s:%u", host, ntohs(in->sin_port));
	} else if (len != 0 && a->sa_family == AF_INET6) {
		const struct sockaddr_in6 *in6 = (const void *)a;
		inet_ntop(AF_INET6, &in6->sin6_addr, host, sizeof host);
		snprintf(buf, NET_ADDR_STRLEN, "[%s]:%u", host, ntohs(in6->sin6_port));
	} else {
		snprintf(buf, NET_ADDR_STRLEN, "?");
	}
	return buf;
}

int net_udp_bind(const struct sockaddr *addr, socklen_t len)
{
	int fd = socket(addr->sa_family, SOCK_DGRAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
	if (fd < 0)
		return -1;
	if (bind(fd, addr, len) != 0) {
		int e = errno;
		close(fd);
		errno = e;
		return -1;
	}
	return fd;
}

int net_udp_want_errors(int fd)
{
	struct sockaddr_storage ss;
	socklen_t len = sizeof ss;
	int on = 1;
	if (getsockname(fd, (struct sockaddr *)&ss, &len) != 0)
		return -1;
	if (ss.ss_family == AF_INET6)
		return setsockopt(fd, IPPROTO_IPV6, IPV6_RECVERR, &on, sizeof on);
	return setsockopt(fd, IPPROTO_IP, IP_RECVERR, &on, sizeof on);
}

/* Whether the control message is ICMP's or ICMPv6's "port unreachable". */
static bool port_unreachable(const struct cmsghdr *c)
{
	if (!(c->cmsg_level == IPPROTO_IP && c->cmsg_type == IP_RECVERR) &&
	    !(c->cmsg_level == IPPROTO_IPV6 && c->cmsg_type == IPV6_RECVERR))
		return false;
	struct sock_extended_err e;
	memcpy(&e, CMSG_DATA(c), sizeof e);
	return (e.ee_origin == SO_EE_ORIGIN_ICMP && e.ee_type == 3 && e.ee_code == 3) ||
	       (e.ee_origin == SO_EE_ORIGIN_ICMP6 && e.ee_type == 1 && e.ee_code == 4);
}

bool net_udp_refused(int fd, struct net_addr *to)
{
	for (;;) {
		char data[64], ctl[512];
		struct iovec iov = {data, sizeof data};
		struct msghdr m = {.msg_name = &to->ss, .msg_namelen = sizeof to->ss,
				   .msg_iov = &iov, .msg_iovlen = 1,
				   .msg_control = ctl, .msg_controllen = sizeof ctl};
		if (recvmsg(fd, &m, MSG_ERRQUEUE | MSG_DONTWAIT) < 0)
			return false;
		to->len = m.msg_namelen;
		for (struct cmsghdr *c = CMSG_FIRSTHDR(&m); c != NULL; c = CMSG_NXTHDR(&m, c))
			if (port_unreachable(c))
				return true;
	}
}

static void set_port(struct net_addr *a, unsigned port)
{
	if (a->ss.ss_family == AF_INET)
		((struct sockaddr_in *)&a->ss)->sin_port = htons((uint16_t)port);
	else
		((struct sockaddr_in6 *)&a->ss)->sin6_port = htons((uint16_t)port);
}

int net_udp_bind_range(const char *host, unsigned lo, unsigned hi, struct net_addr *bound)
{
	if (net_addr_resolve(host, lo, bound) != 0)
		return -1;
	for (unsigned port = lo; port <= hi && port <= 65535; port++) {
		set_port(bound, port);
		int fd = net_udp_bind((struct sockaddr *)&bound->ss, bound->len);
		if (fd >= 0 || errno != EADDRINUSE)
			return fd;
	}
	errno = EADDRINUSE;
	return -1;
}

ssize_t net_udp_recv(int fd, void *buf, size_t size, struct net_addr *from)
{
	from->len = sizeof from->ss;
	/* MSG_TRUNC: the real length, so an oversized datagram is seen as one. */
	return recvfrom(fd, buf, size, MSG_TRUNC, (struct sockaddr *)&from->ss, &from->len);
}
