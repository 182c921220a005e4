/*
 * Forwarding over channels (channel.h): each forwarded connection is a stream socket
 * (TCP, or the Unix socket of an agent) joined to one channel, bytes copied both ways,
 * each end's close passed on as the channel's end of stream, a reset as a reset.
 *
 * What a channel is for travels in its open request (docs/protocol.md, "Channel uses"):
 *   ["connect", host, port]  the opener's listener took a connection: connect to
 *                            host:port here (-L; the server serves it)
 *   ["listen", bind, port]   listen on bind:port here; open a "forwarded" channel for
 *                            each connection (-R; the server serves it). The channel
 *                            lives as long as the listener
 *   ["forwarded", id]        a connection to the listener that channel id asked for
 *   ["agent-listen"]         this end offers its agent (-A): the peer may open "agent"
 *                            channels while this one lives (the server serves it)
 *   ["agent"]                a connection to the agent socket: connect to this end's
 *                            own agent ($SSH_AUTH_SOCK; -A; the client serves it)
 * An end serves only what it allows (fwd_allow); anything else, or a connect or listen
 * that fails, is reset with CHAN_RESET_REFUSED.
 *
 * A fwd serves one connection's channels and knows nothing of the loop that owns it: the owner asks for its poll fds
 * (fwd_pollfds), polls, and calls fwd_service with the same fds each turn, after the
 * connection's datagrams were taken (so bytes that arrived go on at once). Memory and fds
 * are bounded: a channel is live per connection (CHAN_MAX), each with a copy buffer of
 * FWD_COPY bytes; sockets are non-blocking, a full channel stops reading its socket and a
 * full socket stops reading its channel (back-pressure both ways). A name to connect to
 * resolves off the loop (resolve.h): a slow resolver holds up that connection alone.
 * Listening addresses (-L's and -R's bind) still resolve in the loop: they are local.
 */
#ifndef RSH_NET_FORWARD_H
#define RSH_NET_FORWARD_H

#include <poll.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "channel.h"
#include "forward_spec.h"

#define FWD_COPY 16384
/* Listeners per end at most (-L and served -R together). */
#define FWD_LISTEN_MAX 64

struct fwd_what;

/* What an end serves when the peer asks. */
enum {
	FWD_ALLOW_CONNECT = 1, /* connect to a host for the peer's -L */
	FWD_ALLOW_LISTEN = 2,  /* listen for the peer's -R */
	FWD_ALLOW_AGENT = 4,   /* carry connections to this end's agent */
	FWD_ALLOW_AGENT_LISTEN = 8, /* take the peer's offer of its agent */
};

typedef struct fwd fwd;

/* Forwarding over the channels of m (which must outlive it). */
fwd *fwd_new(chan_mux *m);
/* Closes every socket (the channels go with their connection). */
void fwd_free(fwd *f);
void fwd_allow(fwd *f, unsigned what);

/*
 * -L: listens on the spec's bind address and port now; each connection opens a channel
 * asking the peer to connect to host:hostport. -1 with *err (allocated, ssh's words) when
 * it cannot listen.
 */
int fwd_add_local(fwd *f, const struct fwd_spec *s, char **err);
/* -R: asks the peer (from the next fwd_service on) to listen on the spec's bind address
 * and port; its connections are connected here to host:hostport. */
void fwd_add_remote(fwd *f, const struct fwd_spec *s);
/* -A: offers this end's agent to the peer (from the next fwd_service on); implies
 * FWD_ALLOW_AGENT. */
void fwd_offer_agent(fwd *f);
/* Whether the peer offers its agent now (its agent-listen channel is live). */
bool fwd_agent_offered(const fwd *f);
/* Carries the connected socket fd (taken over) through a new channel asking for
 * what w says (an agent connection the owner accepted). -1 when no channel can be
 * opened now (fd closed). */
int fwd_carry(fwd *f, int fd, const struct fwd_what *w);

/* Fills p (NULL: only counts) with the fds to poll; returns how many. */
size_t fwd_pollfds(const fwd *f, struct pollfd *p);

/*
 * Moves bytes between sockets and channels, takes the channels the peer opened, and
 * accepts connections, by the poll results p[0..n) that fwd_pollfds filled before the
 * poll (n may be 0: nothing was polled). Returns a message for the user (allocated, to
 * show once) when something the user asked for failed, else NULL.
 */
char *fwd_service(fwd *f, const struct pollfd *p, size_t n);

/* The open requests' form (docs/protocol.md, "Channel uses"). */
enum fwd_kind { FWD_CONNECT, FWD_LISTEN, FWD_FORWARDED, FWD_AGENT, FWD_AGENT_LISTEN };
struct fwd_what {
	enum fwd_kind kind;
	char host[FWD_HOST_MAX + 1]; /* connect: host; listen: bind ("" loopback, "*" all) */
	unsigned port;
	uint32_t listen_id;          /* forwarded */
};
/* Encodes w into buf (room for CHAN_WHAT_MAX); returns the length. */
size_t fwd_what_encode(const struct fwd_what *w, uint8_t *buf);
/* Decodes untrusted bytes; false when they are not one of the forms above. */
bool fwd_what_decode(const uint8_t *buf, size_t len, struct fwd_what *w);

#endif
