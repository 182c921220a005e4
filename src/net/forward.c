/* Stream sockets joined to channels: listeners, connects, and the copy both ways. */
#include "forward.h"

#include <errno.h>
#include <fcntl.h>
#include <msgpack.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include "resolve.h"
#include "udp.h"
#include "util/msgpack_read.h"
#include "util/xmalloc.h"

/* Reads from one socket per turn at most: other sockets and the keys get their turn. */
#define READS_PER_TURN 4

struct link {
	int fd;        /* -1 while resolving */
	uint32_t chan;
	net_resolve *resolving; /* the name to connect to, resolving off the loop */
	bool connecting;
	bool rd_eof;   /* the socket's end was read: the channel is closed */
	bool wr_eof;   /* the channel's end was read: the socket is shut for writing */
	bool dead;
	uint8_t *out;  /* bytes read from the channel, [outoff, outlen) not yet written */
	size_t outoff, outlen;
};

struct listener {
	int fd;
	struct fwd_what ask; /* what each connection's channel asks the peer */
	bool served;         /* for the peer's -R: lives as long as channel listen_chan */
	uint32_t listen_chan;
};

struct remote {
	struct fwd_spec spec;
	bool opened, reported;
	uint32_t chan;
	unsigned allocated; /* the port the peer picked for a listen port of 0 */
};

struct fwd {
	chan_mux *m;
	unsigned allow;
	struct link *links;
	size_t nlinks, caplinks;
	struct listener listeners[FWD_LISTEN_MAX];
	size_t nlisteners;
	struct remote *remotes;
	size_t nremotes;
	bool offer, offer_opened; /* this end offers its agent (-A); the offer went */
	bool offered;             /* the peer offers its agent on channel offer_chan */
	uint32_t offer_chan;
};

static const char *const kind_names[] = {
	[FWD_CONNECT] = "connect", [FWD_LISTEN] = "listen", [FWD_FORWARDED] = "forwarded",
	[FWD_AGENT] = "agent", [FWD_AGENT_LISTEN] = "agent-listen",
};

size_t fwd_what_encode(const struct fwd_what *w, uint8_t *buf)
{
	msgpack_sbuffer sb;
	msgpack_packer pk;
	msgpack_sbuffer_init(&sb);
	msgpack_packer_init(&pk, &sb, msgpack_sbuffer_write);
	const char *name = kind_names[w->kind];
	bool addr = w->kind == FWD_CONNECT || w->kind == FWD_LISTEN;
	msgpack_pack_array(&pk, addr ? 3 : w->kind == FWD_FORWARDED ? 2 : 1);
	msgpack_pack_str(&pk, strlen(name));
	msgpack_pack_str_body(&pk, name, strlen(name));
	if (addr) {
		msgpack_pack_str(&pk, strlen(w->host));
		msgpack_pack_str_body(&pk, w->host, strlen(w->host));
		msgpack_pack_uint32(&pk, w->port);
	} else if (w->kind == FWD_FORWARDED) {
		msgpack_pack_uint32(&pk, w->listen_id);
	}
	size_t len = sb.size;
	memcpy(buf, sb.data, len); /* at most 1 + 10 + 3 + 255 + 5 bytes */
	msgpack_sbuffer_destroy(&sb);
	return len;
}

bool fwd_what_decode(const uint8_t *buf, size_t len, struct fwd_what *w)
{
	mp_reader r;
	uint32_t n, hlen, namelen;
	const char *name, *host;
	memset(w, 0, sizeof *w);
	mp_reader_init(&r, buf, len);
	mp_read_array(&r, 1, 3, &n);
	if (!mp_read_str(&r, 16, &name, &namelen))
		return false;
	size_t k = 0;
	while (k < sizeof kind_names / sizeof kind_names[0] &&
	       (strlen(kind_names[k]) != namelen || memcmp(kind_names[k], name, namelen) != 0))
		k++;
	if (k == sizeof kind_names / sizeof kind_names[0])
		return false;
	w->kind = (enum fwd_kind)k;
	bool addr = w->kind == FWD_CONNECT || w->kind == FWD_LISTEN;
	if (n != (addr ? 3u : w->kind == FWD_FORWARDED ? 2u : 1u))
		return false;
	if (addr && mp_read_str(&r, FWD_HOST_MAX, &host, &hlen)) {
		if (memchr(host, '\0', hlen) != NULL)
			return false;
		memcpy(w->host, host, hlen);
		w->host[hlen] = '\0';
		mp_read_u32(&r, 65535, &w->port);
	}
	if (w->kind == FWD_FORWARDED)
		mp_read_u32(&r, UINT32_MAX, &w->listen_id);
	/* A listen for port 0 asks the listening end to pick one (-R 0:...). */
	return mp_finish(&r) &&
	       (!addr || (w->kind == FWD_LISTEN ? true : w->port >= 1 && w->host[0] != '\0'));
}

fwd *fwd_new(chan_mux *m)
{
	fwd *f = xcalloc(1, sizeof *f);
	f->m = m;
	return f;
}

/* A reset channel's socket goes with a TCP reset, so its far end sees an abort too. */
static void close_abort(int fd)
{
	struct linger lg = {1, 0};
	setsockopt(fd, SOL_SOCKET, SO_LINGER, &lg, sizeof lg);
	close(fd);
}

/* Closes the link's socket (gracefully once both ends of stream went, else with a reset)
 * or gives up on the name it waits for. */
static void link_close(struct link *l)
{
	if (l->resolving != NULL)
		net_resolve_cancel(l->resolving);
	else if (l->rd_eof && l->wr_eof)
		close(l->fd);
	else
		close_abort(l->fd);
	free(l->out);
}

void fwd_free(fwd *f)
{
	if (f == NULL)
		return;
	for (size_t i = 0; i < f->nlinks; i++)
		link_close(&f->links[i]);
	for (size_t i = 0; i < f->nlisteners; i++)
		close(f->listeners[i].fd);
	free(f->links);
	free(f->remotes);
	free(f);
}

void fwd_allow(fwd *f, unsigned what)
{
	f->allow = what;
}

void fwd_offer_agent(fwd *f)
{
	f->offer = true;
	f->allow |= FWD_ALLOW_AGENT;
}

bool fwd_agent_offered(const fwd *f)
{
	return f->offered && chan_alive(f->m, f->offer_chan);
}

static int tcp_listen(const char *host, unsigned port, char **err)
{
	struct net_addr a;
	char shown[NET_ADDR_STRLEN];
	if (net_addr_resolve(host, port, &a) != 0) {
		xasprintf(err, "cannot listen on %s port %u: unknown address", host ? host : "*",
			  port);
		return -1;
	}
	int one = 1, fd = socket(a.ss.ss_family, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
	if (fd >= 0) {
		setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
		if (bind(fd, (struct sockaddr *)&a.ss, a.len) == 0 && listen(fd, 64) == 0)
			return fd;
		int saved = errno;
		close(fd);
		errno = saved;
	}
	xasprintf(err, "cannot listen on %s: %s", net_addr_str((struct sockaddr *)&a.ss, a.len,
							     shown), strerror(errno));
	return -1;
}

/* A connect under way (or done: unix sockets), or -1. */
static int stream_connect(const struct sockaddr *sa, socklen_t len)
{
	int fd = socket(sa->sa_family, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
	if (fd < 0)
		return -1;
	if (connect(fd, sa, len) == 0 || errno == EINPROGRESS)
		return fd;
	close(fd);
	return -1;
}

static int unix_connect(const char *path)
{
	struct sockaddr_un sun = {.sun_family = AF_UNIX};
	if (path == NULL || strlen(path) >= sizeof sun.sun_path)
		return -1;
	strcpy(sun.sun_path, path);
	return stream_connect((struct sockaddr *)&sun, sizeof sun);
}

static struct listener *add_listener(fwd *f, int fd, const struct fwd_what *ask)
{
	if (f->nlisteners == FWD_LISTEN_MAX) {
		close(fd);
		return NULL;
	}
	struct listener *l = &f->listeners[f->nlisteners++];
	*l = (struct listener){.fd = fd, .ask = *ask};
	return l;
}

int fwd_add_local(fwd *f, const struct fwd_spec *s, char **err)
{
	int fd = tcp_listen(fwd_spec_bind_host(s), s->port, err);
	if (fd < 0)
		return -1;
	struct fwd_what ask = {.kind = FWD_CONNECT, .port = s->hostport};
	strcpy(ask.host, s->host);
	if (add_listener(f, fd, &ask) == NULL) {
		*err = xstrdup("too many forwardings");
		return -1;
	}
	return 0;
}

void fwd_add_remote(fwd *f, const struct fwd_spec *s)
{
	f->remotes = xreallocarray(f->remotes, f->nremotes + 1, sizeof *f->remotes);
	f->remotes[f->nremotes++] = (struct remote){.spec = *s};
}

static struct link *add_link(fwd *f, int fd, uint32_t chan, bool connecting)
{
	if (f->nlinks == f->caplinks) {
		f->caplinks = f->caplinks ? 2 * f->caplinks : 8;
		f->links = xreallocarray(f->links, f->caplinks, sizeof *f->links);
	}
	struct link *l = &f->links[f->nlinks++];
	*l = (struct link){.fd = fd, .chan = chan, .connecting = connecting};
	return l;
}

/* A link for channel chan that connects to host:port once the name resolves; false when
 * it cannot start. */
static bool add_tcp_link(fwd *f, uint32_t chan, const char *host, unsigned port)
{
	net_resolve *r = net_resolve_start(host, port);
	if (r == NULL)
		return false;
	struct link *l = add_link(f, -1, chan, false);
	l->resolving = r;
	return true;
}

int fwd_carry(fwd *f, int fd, const struct fwd_what *w)
{
	uint8_t what[CHAN_WHAT_MAX];
	uint32_t id;
	if (chan_open(f->m, what, fwd_what_encode(w, what), &id) != 0) {
		close(fd);
		return -1;
	}
	add_link(f, fd, id, false);
	return 0;
}

size_t fwd_pollfds(const fwd *f, struct pollfd *p)
{
	size_t n = f->nlisteners + f->nlinks;
	if (p == NULL)
		return n;
	for (size_t i = 0; i < f->nlisteners; i++)
		p[i] = (struct pollfd){f->listeners[i].fd, POLLIN, 0};
	for (size_t i = 0; i < f->nlinks; i++) {
		const struct link *l = &f->links[i];
		if (l->resolving != NULL) {
			p[f->nlisteners + i] = (struct pollfd){net_resolve_fd(l->resolving), POLLIN, 0};
			continue;
		}
		short ev = 0;
		if (l->connecting || l->outoff < l->outlen)
			ev |= POLLOUT;
		if (!l->connecting && !l->rd_eof && chan_writable(f->m, l->chan) > 0)
			ev |= POLLIN;
		/* Nothing wanted: not polled at all, or a hung-up socket would wake it at once. */
		p[f->nlisteners + i] = (struct pollfd){ev != 0 ? l->fd : -1, ev, 0};
	}
	return n;
}

/* A listen for port 0 is answered with the port picked: 2 bytes, big-endian, on its
 * channel (which carries nothing else). */
static void tell_port(fwd *f, uint32_t id, int lfd)
{
	struct sockaddr_storage ss;
	socklen_t len = sizeof ss;
	if (getsockname(lfd, (struct sockaddr *)&ss, &len) != 0)
		return;
	unsigned port = ntohs(ss.ss_family == AF_INET6 ? ((struct sockaddr_in6 *)&ss)->sin6_port
						       : ((struct sockaddr_in *)&ss)->sin_port);
	uint8_t b[2] = {(uint8_t)(port >> 8), (uint8_t)port};
	chan_write(f->m, id, b, sizeof b); /* a new channel has room */
}

/* A channel the peer opened: served as it asks, or refused. */
static void serve_open(fwd *f, uint32_t id, const uint8_t *what, size_t len, char **notice)
{
	struct fwd_what w;
	int fd = -1;
	bool linked = false;
	char *err = NULL;
	if (!fwd_what_decode(what, len, &w)) {
		chan_reset(f->m, id, CHAN_RESET_REFUSED);
		return;
	}
	if (w.kind == FWD_CONNECT && (f->allow & FWD_ALLOW_CONNECT)) {
		linked = add_tcp_link(f, id, w.host, w.port);
	} else if (w.kind == FWD_AGENT && (f->allow & FWD_ALLOW_AGENT)) {
		fd = unix_connect(getenv("SSH_AUTH_SOCK"));
	} else if (w.kind == FWD_FORWARDED) {
		for (size_t i = 0; i < f->nremotes && !linked; i++)
			if (f->remotes[i].opened && f->remotes[i].chan == w.listen_id)
				linked = add_tcp_link(f, id, f->remotes[i].spec.host,
						      f->remotes[i].spec.hostport);
	} else if (w.kind == FWD_AGENT_LISTEN && (f->allow & FWD_ALLOW_AGENT_LISTEN)) {
		if (fwd_agent_offered(f))
			chan_reset(f->m, f->offer_chan, CHAN_RESET_ABORT); /* the newer one counts */
		f->offered = true;
		f->offer_chan = id;
		return;
	} else if (w.kind == FWD_LISTEN && (f->allow & FWD_ALLOW_LISTEN)) {
		struct fwd_spec s = {.port = w.port};
		strcpy(s.bind, w.host);
		int lfd = tcp_listen(fwd_spec_bind_host(&s), w.port, &err);
		struct fwd_what ask = {.kind = FWD_FORWARDED, .listen_id = id};
		struct listener *l = lfd >= 0 ? add_listener(f, lfd, &ask) : NULL;
		if (l != NULL) {
			l->served = true;
			l->listen_chan = id;
			if (w.port == 0)
				tell_port(f, id, lfd);
			return;
		}
		if (*notice == NULL)
			xasprintf(notice, "warning: remote port forwarding failed for listen port"
					  " %u: %s", w.port, err != NULL ? err : "too many forwardings");
		free(err);
	}
	if (linked)
		return;
	if (fd < 0)
		chan_reset(f->m, id, CHAN_RESET_REFUSED);
	else
		add_link(f, fd, id, true);
}

/* -R requests and the agent's offer go once; a request refused is reported once. */
static void ask_remotes(fwd *f, char **notice)
{
	if (f->offer && !f->offer_opened) {
		uint8_t what[CHAN_WHAT_MAX];
		struct fwd_what w = {.kind = FWD_AGENT_LISTEN};
		f->offer_opened = chan_open(f->m, what, fwd_what_encode(&w, what), &f->offer_chan) == 0;
	}
	for (size_t i = 0; i < f->nremotes; i++) {
		struct remote *r = &f->remotes[i];
		if (!r->opened) {
			uint8_t what[CHAN_WHAT_MAX];
			struct fwd_what w = {.kind = FWD_LISTEN, .port = r->spec.port};
			strcpy(w.host, r->spec.bind);
			r->opened = chan_open(f->m, what, fwd_what_encode(&w, what), &r->chan) == 0;
		} else if (r->spec.port == 0 && r->allocated == 0 &&
			   chan_readable(f->m, r->chan) >= 2) {
			uint8_t b[2];
			chan_read(f->m, r->chan, b, sizeof b);
			r->allocated = (unsigned)b[0] << 8 | b[1];
			if (*notice == NULL)
				xasprintf(notice, "Allocated port %u for remote forward to %s:%u",
					  r->allocated, r->spec.host, r->spec.hostport);
		} else if (!r->reported && !chan_alive(f->m, r->chan)) {
			r->reported = true;
			if (*notice == NULL)
				xasprintf(notice, "warning: remote port forwarding failed for listen port %u",
					  r->spec.port);
		}
	}
}

static void accept_on(fwd *f, struct listener *l)
{
	for (int k = 0; k < 16; k++) {
		int fd = accept4(l->fd, NULL, NULL, SOCK_NONBLOCK | SOCK_CLOEXEC);
		if (fd < 0)
			return;
		fwd_carry(f, fd, &l->ask);
	}
}

/* The link's socket ends: with a reset of the channel when it is still there. */
static void link_fail(fwd *f, struct link *l, enum chan_reset_code code)
{
	chan_reset(f->m, l->chan, code);
	l->dead = true;
}

static void socket_to_channel(fwd *f, struct link *l)
{
	uint8_t buf[FWD_COPY];
	for (int k = 0; k < READS_PER_TURN && !l->rd_eof; k++) {
		size_t room = chan_writable(f->m, l->chan);
		if (room == 0)
			return;
		ssize_t n = read(l->fd, buf, room < sizeof buf ? room : sizeof buf);
		if (n < 0 && (errno == EAGAIN || errno == EINTR))
			return;
		if (n < 0)
			return link_fail(f, l, CHAN_RESET_ABORT);
		if (n == 0) {
			l->rd_eof = true;
			chan_close(f->m, l->chan);
			return;
		}
		chan_write(f->m, l->chan, buf, (size_t)n); /* fits: room was asked first */
	}
}

static void channel_to_socket(fwd *f, struct link *l)
{
	for (int k = 0; k < READS_PER_TURN && !l->wr_eof; k++) {
		if (l->outoff == l->outlen) {
			if (l->out == NULL)
				l->out = xmalloc(FWD_COPY);
			ssize_t n = chan_read(f->m, l->chan, l->out, FWD_COPY);
			if (n < 0 && errno == EAGAIN)
				return;
			if (n < 0) { /* reset by the peer: the socket's peer sees a reset too */
				l->dead = true;
				return;
			}
			if (n == 0) {
				shutdown(l->fd, SHUT_WR);
				l->wr_eof = true;
				return;
			}
			l->outoff = 0;
			l->outlen = (size_t)n;
		}
		ssize_t w = send(l->fd, l->out + l->outoff, l->outlen - l->outoff,
				 MSG_NOSIGNAL | MSG_DONTWAIT);
		if (w < 0 && (errno == EAGAIN || errno == EINTR))
			return;
		if (w < 0)
			return link_fail(f, l, CHAN_RESET_ABORT);
		l->outoff += (size_t)w;
	}
}

/* The name resolved (or not): the connect starts. */
static void resolved(fwd *f, struct link *l)
{
	struct net_addr a;
	int ok = net_resolve_finish(l->resolving, &a);
	l->resolving = NULL;
	l->fd = ok == 0 ? stream_connect((struct sockaddr *)&a.ss, a.len) : -1;
	if (l->fd < 0)
		return link_fail(f, l, CHAN_RESET_REFUSED);
	l->connecting = true;
}

static void service_link(fwd *f, struct link *l, short re)
{
	if (l->resolving != NULL) {
		if (!chan_alive(f->m, l->chan))
			l->dead = true;
		else if (re & (POLLIN | POLLHUP | POLLERR))
			resolved(f, l);
		return;
	}
	if (l->connecting) {
		if (!(re & (POLLOUT | POLLERR | POLLHUP)))
			return;
		int err = 0;
		socklen_t len = sizeof err;
		if (getsockopt(l->fd, SOL_SOCKET, SO_ERROR, &err, &len) != 0 || err != 0)
			return link_fail(f, l, CHAN_RESET_REFUSED);
		l->connecting = false;
	}
	if (!chan_alive(f->m, l->chan)) {
		l->dead = true;
		return;
	}
	if (re & (POLLIN | POLLHUP | POLLERR))
		socket_to_channel(f, l);
	if (!l->dead)
		channel_to_socket(f, l);
	if (l->rd_eof && l->wr_eof && l->outoff == l->outlen)
		l->dead = true;
}

/* Drops dead links, and served listeners whose request is gone. */
static void sweep(fwd *f)
{
	size_t k = 0;
	for (size_t i = 0; i < f->nlinks; i++) {
		struct link *l = &f->links[i];
		if (!l->dead) {
			f->links[k++] = *l;
			continue;
		}
		link_close(l);
	}
	f->nlinks = k;
	k = 0;
	for (size_t i = 0; i < f->nlisteners; i++) {
		struct listener *l = &f->listeners[i];
		if (l->served && !chan_alive(f->m, l->listen_chan))
			close(l->fd);
		else
			f->listeners[k++] = *l;
	}
	f->nlisteners = k;
}

char *fwd_service(fwd *f, const struct pollfd *p, size_t n)
{
	char *notice = NULL;
	size_t nl = f->nlisteners, nk = f->nlinks; /* p's layout, before anything changes */
	uint32_t id;
	const uint8_t *what;
	size_t len;
	while (chan_accept(f->m, &id, &what, &len))
		serve_open(f, id, what, len, &notice);
	ask_remotes(f, &notice);
	for (size_t i = 0; i < nl && i < n; i++)
		if (p[i].revents & POLLIN)
			accept_on(f, &f->listeners[i]);
	for (size_t i = 0; i < f->nlinks; i++) {
		short re = i < nk && nl + i < n ? p[nl + i].revents : 0;
		service_link(f, &f->links[i], re);
	}
	sweep(f);
	return notice;
}
