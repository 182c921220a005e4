/* A sync link and channels over an encrypted UDP connection. */
#include "transport.h"

#include <errno.h>
#include <limits.h>
#include <stdlib.h>

#include "util/xmalloc.h"

struct transport {
	net_conn *conn;
	sync_link *link;
	chan_mux *chan;
	struct transport_stats stats;
};

transport *transport_new(uint64_t id, const uint8_t key[NET_KEY_LEN], bool server_side,
			 const sync_state_ops *local_ops, void *local_initial,
			 const sync_state_ops *remote_ops, void *remote_initial)
{
	transport *t = xcalloc(1, sizeof *t);
	t->conn = net_conn_new(id, key, server_side);
	t->link = sync_link_new(local_ops, local_initial, remote_ops, remote_initial);
	t->chan = chan_mux_new(server_side);
	return t;
}

void transport_free(transport *t)
{
	if (t == NULL)
		return;
	sync_link_free(t->link);
	chan_mux_free(t->chan);
	net_conn_free(t->conn);
	free(t);
}

net_conn *transport_conn(transport *t)
{
	return t->conn;
}

sync_link *transport_link(transport *t)
{
	return t->link;
}

chan_mux *transport_channels(transport *t)
{
	return t->chan;
}

void transport_set_local(transport *t, void *state)
{
	sync_link_set_local(t->link, state);
}

/* One message, sealed to emit when given, else sent through fd. */
static int send_message(transport *t, int fd, net_emit_fn emit, void *arg, const uint8_t *msg,
			size_t len, uint64_t now_ms)
{
	return emit != NULL ? net_conn_seal(t->conn, msg, len, now_ms, emit, arg)
			    : net_conn_send(t->conn, fd, msg, len, now_ms);
}

/* Channel messages, after the frame: they get what the link has left, a burst a turn,
 * on the path the frame took (a probe copy is for frames only). */
static void send_channels(transport *t, int fd, net_emit_fn emit, void *arg, uint64_t now_ms)
{
	const uint8_t *msg;
	size_t len;
	chan_mux_set_rtt(t->chan, net_conn_srtt_ms(t->conn), net_conn_rto_ms(t->conn));
	chan_mux_turn(t->chan);
	while (chan_mux_next(t->chan, now_ms, net_conn_room(t->conn), &msg, &len))
		send_message(t, fd, emit, arg, msg, len, now_ms);
}

/* The frame due, sealed to emit when given, else sent through fd; and sealed once more
 * to also, when given. Then the channels' messages. */
static int tick(transport *t, int fd, net_emit_fn emit, net_emit_fn also, void *arg,
		uint64_t now_ms)
{
	socklen_t len;
	const uint8_t *msg;
	size_t msglen;
	if (net_conn_peer(t->conn, &len) == NULL)
		return 0;
	sync_link_set_rtt(t->link, net_conn_srtt_ms(t->conn), net_conn_rto_ms(t->conn));
	if (!sync_link_tick(t->link, now_ms, &msg, &msglen)) {
		send_channels(t, fd, emit, arg, now_ms);
		return 0;
	}
	/* A failed send is a lost frame: the sync rules recover from it like any other. A
	 * frame too large for the datagram layer never recovers: count it, for the owner.
	 * A copy is a datagram of its own (a sequence number of its own): whichever arrives
	 * first counts, the other changes nothing. */
	for (unsigned i = 0; i < sync_link_copies(t->link); i++) {
		if (send_message(t, fd, emit, arg, msg, msglen, now_ms) < 0 && errno == EMSGSIZE)
			t->stats.frames_too_large++;
		t->stats.frames_sent++;
	}
	if (also != NULL && net_conn_seal(t->conn, msg, msglen, now_ms, also, arg) >= 0)
		t->stats.frames_sent++;
	send_channels(t, fd, emit, arg, now_ms);
	return 1;
}

int transport_tick(transport *t, int fd, uint64_t now_ms)
{
	return tick(t, fd, NULL, NULL, NULL, now_ms);
}

int transport_tick_emit(transport *t, net_emit_fn emit, net_emit_fn also, void *arg,
			uint64_t now_ms)
{
	return tick(t, -1, emit, also, arg, now_ms);
}

int transport_receive(transport *t, const uint8_t *dgram, size_t len,
		      const struct sockaddr *from, socklen_t fromlen, uint64_t now_ms)
{
	const uint8_t *msg;
	size_t msglen;
	enum sync_result res;
	const char *err;
	uint64_t roams = net_conn_stats(t->conn)->roams;
	if (net_conn_receive(t->conn, dgram, len, from, fromlen, now_ms, &msg, &msglen) != 1)
		return 0;
	/* The client moved (a new network, or its UDP probe from the ssh path got through):
	 * answer there at once, before its older path's frames in flight move us back. */
	if (net_conn_stats(t->conn)->roams != roams)
		sync_link_answer_now(t->link, now_ms);
	chan_mux_heard(t->chan, now_ms);
	if (chan_is_message(msg, msglen)) {
		chan_mux_receive(t->chan, msg, msglen, now_ms);
		return 0;
	}
	t->stats.frames_received++;
	sync_link_set_rtt(t->link, net_conn_srtt_ms(t->conn), net_conn_rto_ms(t->conn));
	if (!sync_link_receive(t->link, msg, msglen, now_ms, &res, &err)) {
		t->stats.frames_malformed++;
		return 0;
	}
	switch (res) {
	case SYNC_NEW: t->stats.states_new++; return 1;
	case SYNC_NO_BASE: t->stats.no_base++; break;
	case SYNC_BAD_DIFF: t->stats.bad_diff++; break;
	case SYNC_NOTHING: break;
	}
	return 0;
}

uint64_t transport_next_wakeup(const transport *t)
{
	socklen_t len;
	if (net_conn_peer(t->conn, &len) == NULL)
		return UINT64_MAX; /* nowhere to send yet: wait to be spoken to */
	uint64_t sync = sync_link_next_wakeup(t->link), chan = chan_mux_next_wakeup(t->chan);
	return chan < sync ? chan : sync;
}

int transport_timeout_ms(const transport *t, uint64_t now_ms)
{
	uint64_t at = transport_next_wakeup(t);
	if (at <= now_ms)
		return 0;
	return at - now_ms > INT_MAX ? INT_MAX : (int)(at - now_ms);
}

const void *transport_remote(const transport *t, uint64_t *num)
{
	return sync_link_remote(t->link, num);
}

uint64_t transport_last_heard_ms(const transport *t)
{
	return net_conn_last_heard_ms(t->conn);
}

bool transport_settled(const transport *t)
{
	return sync_link_settled(t->link);
}

const struct transport_stats *transport_stats(const transport *t)
{
	return &t->stats;
}
