/* The client's transport over hopping sockets and the ssh path. */
#include "uplink.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "net/inputlog.h"
#include "net/packet.h"
#include "term/view_wire.h"

bool uplink_transport_parse(const char *s, enum uplink_transport *mode)
{
	static const char *const names[] = {"auto", "udp", "ssh"};
	for (int i = 0; i < 3; i++) {
		if (strcmp(s, names[i]) == 0) {
			*mode = (enum uplink_transport)i;
			return true;
		}
	}
	return false;
}

int uplink_open(struct uplink *u, const char *host, unsigned port, uint64_t id,
		const uint8_t *key, void *local, void *remote, uint64_t now_ms,
		enum uplink_transport mode, sshpath *ssh)
{
	memset(u, 0, sizeof *u);
	u->mode = mode;
	u->ssh = ssh;
	u->udp_until = now_ms + UPLINK_UDP_FIRST_MS;
	u->ssh_heard_ms = now_ms;
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
	sshpath_free(u->ssh);
	u->ssh = NULL;
	net_hop_close(&u->hop);
}

static void send_udp(struct uplink *u, const uint8_t *dgram, size_t len)
{
	/* A failed send is a lost datagram, as any. */
	(void)sendto(u->hop.fd[0], dgram, len, 0, (struct sockaddr *)&u->server.ss,
		     u->server.len);
}

/* One sealed datagram, by the path in use. */
static int emit(void *arg, const uint8_t *dgram, size_t len)
{
	struct uplink *u = arg;
	if (u->via_ssh)
		sshpath_send(u->ssh, dgram, len);
	else
		send_udp(u, dgram, len);
	return 0;
}

/* A probe's datagram: by UDP. */
static int emit_udp(void *arg, const uint8_t *dgram, size_t len)
{
	send_udp(arg, dgram, len);
	return 0;
}

/* Whether the ssh path is the one to use now, its relay up or not. */
static bool wants_ssh(const struct uplink *u, uint64_t now_ms)
{
	if (u->ssh == NULL || u->mode == UPLINK_UDP)
		return false;
	return u->mode == UPLINK_SSH || now_ms >= u->udp_until;
}

/* The path for the next frame: while the relay is down (ssh running again), auto sends by
 * UDP, which may get through meanwhile. */
static bool pick_ssh(const struct uplink *u, uint64_t now_ms)
{
	return wants_ssh(u, now_ms) && (u->mode == UPLINK_SSH || sshpath_up(u->ssh));
}

void uplink_tick(struct uplink *u, uint64_t now_ms)
{
	u->via_ssh = pick_ssh(u, now_ms);
	if (u->via_ssh && sshpath_up(u->ssh) && now_ms - u->ssh_heard_ms > UPLINK_SSH_STALL_MS) {
		sshpath_restart(u->ssh, now_ms);
		u->ssh_heard_ms = now_ms; /* the next ssh gets as long */
	}
	/* A failed hop keeps the current socket: better an old port than none. */
	(void)net_hop_tick(&u->hop, now_ms, transport_last_heard_ms(u->t));
	/* On the ssh path, a frame in UPLINK_PROBE_MS goes by UDP too, sealed after its ssh
	 * copy: newer, so the server answers by UDP as soon as that copy gets through. */
	bool probe = u->via_ssh && u->mode == UPLINK_AUTO && now_ms - u->probe_ms >= UPLINK_PROBE_MS;
	if (transport_tick_emit(u->t, emit, probe ? emit_udp : NULL, u, now_ms) == 1 && probe)
		u->probe_ms = now_ms;
}

unsigned uplink_pollfds(const struct uplink *u, struct pollfd *p)
{
	for (unsigned i = 0; i < u->hop.n; i++)
		p[i] = (struct pollfd){ .fd = u->hop.fd[i], .events = POLLIN };
	return u->hop.n + (u->ssh != NULL ? sshpath_pollfds(u->ssh, p + u->hop.n) : 0);
}

int uplink_timeout_ms(const struct uplink *u, uint64_t now_ms)
{
	return u->ssh != NULL ? sshpath_timeout_ms(u->ssh, now_ms) : -1;
}

struct fresh_call {
	struct uplink *u;
	void (*fresh)(void *arg);
	void *arg;
	uint64_t now;
};

/* One datagram from either path; returns whether it was authentic. */
static bool take(const struct fresh_call *f, const uint8_t *dgram, size_t len,
		 const struct sockaddr *from, socklen_t fromlen)
{
	const struct net_conn_stats *st = net_conn_stats(transport_conn(f->u->t));
	uint64_t before = st->recv_datagrams;
	if (transport_receive(f->u->t, dgram, len, from, fromlen, f->now) == 1)
		f->fresh(f->arg);
	return st->recv_datagrams != before;
}

static void from_ssh(void *arg, const uint8_t *dgram, size_t len)
{
	const struct fresh_call *f = arg;
	if (take(f, dgram, len, (struct sockaddr *)&f->u->server.ss, f->u->server.len))
		f->u->ssh_heard_ms = f->now;
}

void uplink_receive(struct uplink *u, const struct pollfd *p, unsigned n, uint64_t now_ms,
		    void (*fresh)(void *arg), void *arg)
{
	uint8_t buf[NET_DGRAM_MAX];
	struct net_addr from;
	ssize_t len;
	struct fresh_call f = {u, fresh, arg, now_ms};
	unsigned nudp = n < u->hop.n ? n : u->hop.n;

	for (unsigned i = 0; i < nudp; i++) {
		if (!(p[i].revents & POLLIN))
			continue;
		while ((len = net_udp_recv(p[i].fd, buf, sizeof buf, &from)) >= 0)
			if ((size_t)len <= sizeof buf && /* a cut one is no datagram of ours */
			    take(&f, buf, (size_t)len, (struct sockaddr *)&from.ss, from.len))
				u->udp_until = now_ms + UPLINK_UDP_QUIET_MS;
	}
	if (u->ssh != NULL)
		sshpath_io(u->ssh, p + nudp, n - nudp, now_ms, from_ssh, &f);
}

const char *uplink_path(const struct uplink *u, uint64_t now_ms)
{
	if (!wants_ssh(u, now_ms))
		return "udp";
	return sshpath_state(u->ssh);
}
