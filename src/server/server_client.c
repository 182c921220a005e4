/*
 * Attached clients: one UDP socket for all, bound on first attach; each datagram goes to
 * the client its connection id names. Forged, stale and unknown datagrams are dropped
 * silently: anyone on the host can send to the port.
 */
#include "server_client.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "agent.h"
#include "cfg.h"
#include "compose.h"
#include "key_bindings.h"
#include "log.h"
#include "mode.h"
#include "mode_view.h"
#include "options.h"
#include "status.h"
#include "cmd/cmdlist.h"
#include "net/clock.h"
#include "net/crypto.h"
#include "net/inputlog.h"
#include "net/packet.h"
#include "net/sendq.h"
#include "net/sync_link.h"
#include "net/sync_sender.h"
#include "net/udp.h"
#include "udp_listen.h"
#include "term/diff_share.h"
#include "term/view_wire.h"
#include "util/xmalloc.h"

/* Datagrams taken per loop turn at most: a flood must not starve the panes. */
#define RECV_BATCH 64

struct client **clients;
size_t nclients;

static uint32_t next_client;
static struct client *applying; /* whose event is being applied */
static uint64_t dropped;        /* datagrams no client took */

struct client *client_current(void)
{
	return applying;
}

static struct client *find_conn(uint64_t id)
{
	for (size_t i = 0; i < nclients; i++)
		if (net_conn_id(transport_conn(clients[i]->t)) == id)
			return clients[i];
	return NULL;
}

/* The first client to attach is shown what the start-up config file reported, as tmux
 * shows it: the first error, and how many more show-messages lists. */
static void show_startup_errors(struct client *c)
{
	char *m = cfg_take_messages(), *line;
	if (m == NULL)
		return;
	size_t more = 0;
	for (const char *s = strchr(m, '\n'); s != NULL && s[1] != '\0'; s = strchr(s + 1, '\n'))
		more++;
	if (more > 0)
		xasprintf(&line, "%.*s (and %zu more: show-messages)", (int)strcspn(m, "\n"), m, more);
	else
		line = xstrndup(m, strcspn(m, "\n"));
	client_notice(c, line, CLIENT_NOTICE_MS);
	free(line);
	free(m);
}

struct client *client_create(struct session *s, const struct proto_request *req,
			     struct net_connect *nc, const char **why)
{
	net_crypto_init();
	int fd = udp_listen_get(req->udp_host, req->udp_low, req->udp_high, &nc->port, why);
	if (fd < 0)
		return NULL;
	do
		net_random(&nc->id, sizeof nc->id);
	while (find_conn(nc->id) != NULL);
	net_random(nc->key, sizeof nc->key);
	/* Unused connect lines cost memory and time each turn: keep a bounded number. */
	struct client *oldest = NULL;
	size_t unused = 0;
	for (size_t i = 0; i < nclients; i++) {
		if (clients[i]->ended == NULL && transport_last_heard_ms(clients[i]->t) == 0) {
			unused++;
			oldest = oldest != NULL ? oldest : clients[i];
		}
	}
	if (unused >= CLIENT_UNUSED_MAX)
		client_end(oldest, "never connected");
	struct client *c = xcalloc(1, sizeof *c);
	c->fd = fd;
	term_view *blank = term_view_new(0, 0, 0);
	inputlog_state *empty = inputlog_state_empty();
	c->t = transport_new(nc->id, nc->key, true, &term_view_sync_ops, blank, &inputlog_ops,
			     empty);
	inputlog_state_unref(empty);
	c->view = blank;
	c->fwd = fwd_new(transport_channels(c->t));
	fwd_allow(c->fwd, FWD_ALLOW_CONNECT | FWD_ALLOW_LISTEN | FWD_ALLOW_AGENT_LISTEN);
	c->id = next_client++;
	c->in.session = s->id;
	c->in.cols = req->cols;
	c->in.rows = req->rows;
	c->created_ms = c->active_ms = net_clock_ms();
	clients = xreallocarray(clients, nclients + 1, sizeof *clients);
	clients[nclients++] = c;
	session_touch(s);
	log_debug("client %u attached to %s", c->id, s->name);
	show_startup_errors(c);
	return c;
}

void client_notice(struct client *c, const char *text, uint64_t ms)
{
	free(c->in.message);
	c->in.message = xstrndup(text, strcspn(text, "\n"));
	c->in.message_seq++;
	c->notice_ms = net_clock_ms();
	c->notice_for_ms = ms;
	c->noticed = true;
}

/* Until the status line may change by itself (its clock, its #() commands): the next
 * multiple of the session's status-interval; -1 when it is 0 (never). */
static int status_wait(const struct client *c, uint64_t now)
{
	struct session *s = session_find_id(c->in.session);
	long long interval = s != NULL ? options_get_number(s->options, "status-interval") : 0;
	if (interval <= 0)
		return -1;
	uint64_t ms = (uint64_t)interval * 1000;
	return (int)(ms - now % ms);
}

/* A client left a session or went to another: destroy-unattached is checked at the turn's
 * start (not in the middle of a command that holds the session). */
static bool unattached_due;

void client_end(struct client *c, const char *line)
{
	if (c->ended != NULL)
		return;
	c->ended = xstrdup(line);
	c->ended_ms = net_clock_ms();
	unattached_due = true;
}

/* tmux's server_check_unattached: each session with destroy-unattached that no client is
 * attached to goes. */
static void check_unattached(void)
{
	unattached_due = false;
	for (size_t i = 0; i < server.nsessions;) {
		struct session *s = server.sessions[i];
		if (options_get_number(s->options, "destroy-unattached") && clients_of(s) == 0)
			session_destroy(s);
		else
			i++;
	}
}

int client_run_there(struct client *c, int argc, char *const argv[], char **cause)
{
	/* Not shipped yet: the new request goes after the one waiting. */
	bool append = c->run_argc > 0 && c->view->run_serial != c->run_serial;
	int from = append ? c->run_argc + 1 : 0;
	if (from + argc > KEY_WORDS_MAX) {
		*cause = xstrdup("too many commands for the client at once");
		return -1;
	}
	if (!append) {
		cmdlist_free_words(c->run_argc, c->run_argv);
		c->run_argv = NULL;
	}
	c->run_argv = xreallocarray(c->run_argv, (size_t)(from + argc), sizeof *c->run_argv);
	if (append)
		c->run_argv[c->run_argc] = xstrdup(";");
	for (int i = 0; i < argc; i++)
		c->run_argv[from + i] = cmdlist_escape(argv[i]);
	c->run_argc = from + argc;
	c->run_serial++;
	return 0;
}

void client_switch(struct client *c, struct session *s)
{
	if (c->in.session != s->id) {
		c->last_session = c->in.session;
		c->has_last = true;
	}
	c->in.session = s->id;
	c->active_ms = net_clock_ms();
	session_touch(s);
	unattached_due = true;
}

size_t clients_of(const struct session *s)
{
	size_t n = 0;
	for (size_t i = 0; i < nclients; i++)
		n += clients[i]->ended == NULL && clients[i]->in.session == s->id;
	return n;
}

void clients_session_destroyed(const struct session *s)
{
	long long how = options_get_number(s->options, "detach-on-destroy");
	struct session *next = NULL;
	for (size_t i = 0; how != 1 && i < server.nsessions; i++) {
		struct session *t = server.sessions[i];
		if (t != s && (how != 2 || clients_of(t) == 0) && (next == NULL || t->used < next->used))
			next = t;
	}
	for (size_t i = 0; next != NULL && i < nclients; i++)
		if (clients[i]->ended == NULL && clients[i]->in.session == s->id)
			client_switch(clients[i], next);
}

static void client_free(size_t i)
{
	struct client *c = clients[i];
	log_debug("client %u gone", c->id);
	fwd_free(c->fwd);
	transport_free(c->t);
	term_view_unref(c->view);
	input_client_clear(&c->in);
	free(c->ended);
	cmdlist_free_words(c->run_argc, c->run_argv);
	mode_end(c);
	free(c);
	memmove(&clients[i], &clients[i + 1], (nclients - i - 1) * sizeof *clients);
	nclients--;
}

/* Events up to end were applied now: queued until their echo can be vouched for. */
static void applied(struct client *c, uint64_t end, uint64_t now)
{
	if (c->napplied == CLIENT_ECHO_QUEUE)
		c->napplied--; /* a burst: the newest batch waits for the latest time */
	c->applied[c->napplied++] = (struct client_applied){end, now};
}

/* Moves the echo acknowledgement past the batches applied long enough ago; returns ms
 * until the next one matures (-1: none waits). */
static int echo_mature(struct client *c, uint64_t now)
{
	unsigned done = 0;
	while (done < c->napplied && now - c->applied[done].ms >= CLIENT_ECHO_MS)
		c->echo = c->applied[done++];
	c->napplied -= done;
	memmove(c->applied, c->applied + done, c->napplied * sizeof c->applied[0]);
	return c->napplied > 0 ? (int)(c->applied[0].ms + CLIENT_ECHO_MS - now) : -1;
}

/* The commands a read-only client may run, as tmux's CMD_READONLY ones. */
static bool readonly_command(const char *name)
{
	static const char *const allowed[] = {"attach-session", "detach-client", "list-clients",
					      "switch-client"};
	char *cause = NULL;
	const struct cmd_entry *e = cmd_entry_find(name, &cause);
	free(cause);
	for (size_t i = 0; e != NULL && i < sizeof allowed / sizeof *allowed; i++)
		if (strcmp(e->name, allowed[i]) == 0)
			return true;
	return false;
}

/* Whether a read-only client's event may be applied: no typing, pasting, mouse or border
 * drag, and a command list only when every command is read-only (else tmux's "client is
 * read-only"). */
static bool readonly_allows(struct client *c, const term_event *ev)
{
	if (ev->type == TERM_EVENT_KEY || ev->type == TERM_EVENT_PASTE ||
	    ev->type == TERM_EVENT_MOUSE || ev->type == TERM_EVENT_DRAG)
		return false;
	if (ev->type != TERM_EVENT_COMMAND)
		return true;
	int argc;
	char **argv = input_event_words(ev, &argc);
	struct cmd_parse_list list;
	cmd_parse_words(argc, argv, &list);
	bool ok = true;
	for (size_t i = 0; i < list.n; i++)
		ok &= list.items[i].argc > 0 && readonly_command(list.items[i].argv[0]);
	cmd_parse_list_free(&list);
	cmdlist_free_words(argc, argv);
	if (!ok) {
		free(c->in.message);
		c->in.message = xstrdup("client is read-only");
		c->in.message_seq++;
	}
	return ok;
}

/* What the client's commands printed goes to its view mode, as tmux's cmdq_print. */
static void show_output(struct client *c)
{
	if (c->in.output == NULL)
		return;
	if (c->ended == NULL)
		mode_view_add(c, c->in.output, c->in.output_len);
	free(c->in.output);
	c->in.output = NULL;
	c->in.output_len = 0;
}

/* Applies the events of a newer input log, each once. */
static void apply_events(struct client *c)
{
	const inputlog_state *log = transport_remote(c->t, NULL);
	const uint8_t *buf;
	size_t len;
	while (inputlog_state_next(log, &c->next_event, &buf, &len)) {
		term_event ev;
		const char *why = term_event_decode(buf, len, &ev);
		if (why != NULL) {
			log_debug("client %u: event dropped: %s", c->id, why);
			continue;
		}
		if (c->ended != NULL)
			continue;
		c->active_ms = net_clock_ms();
		applying = c;
		unsigned seq = c->in.message_seq;
		c->noticed = false;
		bool apply = !c->readonly || readonly_allows(c, &ev);
		if (apply && !mode_event(c, &ev, c->active_ms))
			server_apply_event(&c->in, &ev);
		applying = NULL;
		show_output(c);
		if (c->in.message_seq != seq && !c->noticed) { /* the command's error */
			c->notice_ms = c->active_ms;
			c->notice_for_ms = CLIENT_NOTICE_MS;
		}
	}
	if (c->next_event > (c->napplied > 0 ? c->applied[c->napplied - 1].end : c->echo.end))
		applied(c, c->next_event, net_clock_ms());
}

void clients_receive(int fd)
{
	uint8_t buf[NET_DGRAM_MAX];
	struct net_addr from;
	for (int n = 0; n < RECV_BATCH; n++) {
		ssize_t len = net_udp_recv(fd, buf, sizeof buf, &from);
		if (len < 0)
			break;
		bool ok;
		uint64_t id = net_packet_peek_id(buf, (size_t)len, &ok);
		struct client *c = ok && (size_t)len <= sizeof buf ? find_conn(id) : NULL;
		if (c == NULL || c->fd != fd) {
			log_debug("datagram dropped (%llu so far)", (unsigned long long)++dropped);
			continue;
		}
		if (transport_receive(c->t, buf, (size_t)len, (const struct sockaddr *)&from.ss,
				      from.len, net_clock_ms()) == 1)
			apply_events(c);
	}
}

/* Whether c is in contact: it spoke, and lately. */
static bool in_contact(const struct client *c, uint64_t now)
{
	uint64_t heard = transport_last_heard_ms(c->t);
	return heard != 0 && net_clock_since(now, heard) <= CLIENT_QUIET_MS;
}

void clients_refused(int fd)
{
	struct net_addr to;
	uint64_t now = net_clock_ms();
	while (net_udp_refused(fd, &to)) {
		for (size_t i = 0; i < nclients; i++) {
			socklen_t len;
			const struct sockaddr *peer = net_conn_peer(transport_conn(clients[i]->t), &len);
			if (clients[i]->fd == fd && peer != NULL &&
			    net_addr_equal(peer, len, (const struct sockaddr *)&to.ss, to.len))
				clients[i]->refused_ms = now;
		}
	}
}

/* Whether c counts for s's window sizes: attached to s, sized, in contact, not read-only. */
static bool sizes(const struct client *c, const struct session *s, uint64_t now)
{
	return c->ended == NULL && c->in.session == s->id && c->in.cols > 0 && c->in.rows > 1 &&
	       in_contact(c, now) && !c->readonly;
}

enum window_size { SIZE_LARGEST, SIZE_SMALLEST, SIZE_MANUAL, SIZE_LATEST };

/*
 * The size window-size gives s's windows from its clients (tmux's: the latest active
 * client's, or the largest or smallest of each dimension), as a client's terminal size;
 * false when no client counts.
 */
static bool clients_size(const struct session *s, long long how, uint64_t now, unsigned *cols,
			 unsigned *rows)
{
	size_t n = 0;
	uint64_t newest = 0;
	for (size_t i = 0; i < nclients; i++) {
		const struct client *c = clients[i];
		if (!sizes(c, s, now))
			continue;
		bool first = n++ == 0;
		if (how == SIZE_LARGEST) {
			*cols = first || c->in.cols > *cols ? c->in.cols : *cols;
			*rows = first || c->in.rows > *rows ? c->in.rows : *rows;
		} else if (how == SIZE_SMALLEST) {
			*cols = first || c->in.cols < *cols ? c->in.cols : *cols;
			*rows = first || c->in.rows < *rows ? c->in.rows : *rows;
		} else if (first || c->active_ms >= newest) {
			*cols = c->in.cols;
			*rows = c->in.rows;
			newest = c->active_ms;
		}
	}
	return n > 0;
}

bool clients_window_size(const struct session *s, bool largest, unsigned *cols, unsigned *rows)
{
	unsigned c, r;
	if (!clients_size(s, largest ? SIZE_LARGEST : SIZE_SMALLEST, net_clock_ms(), &c, &r))
		return false;
	*cols = c;
	*rows = status_area_rows(s->options, r);
	return true;
}

/*
 * Each window takes the size its window-size says (manual: none); the session's other
 * windows too, unless aggressive-resize keeps them until they are current, as tmux.
 */
static void size_windows(uint64_t now)
{
	for (size_t i = 0; i < server.nsessions; i++) {
		struct session *s = server.sessions[i];
		for (size_t j = 0; j < s->nwindows; j++) {
			struct window *w = s->windows[j];
			long long how = options_get_number(w->options, "window-size");
			unsigned cols = 0, rows = 0;
			if (how == SIZE_MANUAL ||
			    (w != s->current && options_get_number(w->options, "aggressive-resize")))
				continue;
			if (clients_size(s, how, now, &cols, &rows))
				window_resize(w, cols, status_area_rows(s->options, rows));
		}
	}
}

/* The silence after which a client is dropped, in ms. */
static uint64_t silence_limit(void)
{
	static uint64_t limit;
	if (limit == 0) {
		const char *s = getenv("RSH_CLIENT_TIMEOUT");
		unsigned long long secs = s != NULL ? strtoull(s, NULL, 10) : 0;
		limit = secs > 0 && secs < UINT64_MAX / 1000 ? secs * 1000 : CLIENT_SILENCE_MS;
	}
	return limit;
}

/* Why c's attachment is over, if it is and nobody said so yet. */
static void check_ended(struct client *c, uint64_t now)
{
	struct session *s = session_find_id(c->in.session);
	if (c->in.detach && s != NULL) {
		char *line;
		xasprintf(&line, "detached (from session %s)", s->name);
		client_end(c, line);
		free(line);
	} else if (s == NULL) {
		client_end(c, "exited");
	} else if (transport_last_heard_ms(c->t) == 0 &&
		   net_clock_since(now, c->created_ms) >
			   (silence_limit() < CLIENT_UNUSED_MS ? silence_limit() : CLIENT_UNUSED_MS)) {
		client_end(c, "never connected");
	} else if (c->refused_ms > transport_last_heard_ms(c->t) &&
		   net_clock_since(now, transport_last_heard_ms(c->t)) > CLIENT_REFUSED_MS) {
		client_end(c, "lost contact");
	} else if (net_clock_since(now, transport_last_heard_ms(c->t)) > silence_limit() &&
		   net_clock_since(now, c->created_ms) > silence_limit()) {
		client_end(c, "lost contact");
	}
}

static term_view *compose(struct client *c, uint64_t now)
{
	struct session *s = session_find_id(c->in.session);
	term_view *v;
	if (s != NULL && c->in.cols > 0 && c->in.rows > 0)
	{
		v = compose_view_shared(s, c->in.cols, c->in.rows);
		mode_draw(c, v, now);
	} else
		v = term_view_clone(c->view);
	if (c->in.message != NULL && now - c->notice_ms < c->notice_for_ms)
		term_view_set_notice(v, c->in.message, strlen(c->in.message));
	else
		term_view_set_notice(v, "", 0);
	if (c->ended != NULL)
		term_view_set_ended(v, c->ended, strlen(c->ended));
	v->hup = c->ended != NULL && c->hup;
	v->echo_events = c->echo.end;
	v->echo_ms = c->echo.ms;
	v->bells = c->bells;
	term_view_set_keys(v, key_bindings_shipped(s));
	term_view_set_run(v, c->run_serial, (uint32_t)c->run_argc, c->run_argv);
	return v;
}

/* Whether the server was started with RSH_NO_PREFETCH set: pages go only when asked
 * for (bench/copy_mode measures what the prefetch costs a flood). */
static bool no_prefetch(void)
{
	static int off = -1;
	if (off < 0)
		off = getenv("RSH_NO_PREFETCH") != NULL && getenv("RSH_NO_PREFETCH")[0] != '\0';
	return off;
}

/* The history page for the view: in flight, asked for, or (only when the link has
 * nothing else to carry, the client is not typing and no mode covers the panes) the
 * active pane's prefetch. */
static void feed_history(struct client *c, term_view *v, uint64_t now)
{
	const term_view *acked = sync_sender_acked(sync_link_sender(transport_link(c->t)), NULL);
	history_feed(&c->in.hist, v, acked);
	struct session *s = session_find_id(c->in.session);
	if (s != NULL && s->current != NULL && c->mode == NULL && !no_prefetch() &&
	    transport_settled(c->t) &&
	    net_clock_since(now, c->active_ms) >= HISTORY_QUIET_MS && term_view_equal(v, c->view))
		history_prefetch(&c->in.hist, v, s->current->active);
}

/* Whether c is done: its end line is acknowledged, or it had its time to be, or it
 * never connected (nothing can reach it). */
static bool finished(const struct client *c, uint64_t now)
{
	return c->ended != NULL &&
	       (transport_settled(c->t) || transport_last_heard_ms(c->t) == 0 ||
		net_clock_since(now, c->ended_ms) >= CLIENT_LINGER_MS);
}

/*
 * Composes c's view and makes it the state to ship, unless no frame could carry a new one
 * yet (the pacing interval since the last frame with news has not run out): in a flood
 * the loop turns once per pty read, and composing at each turn took a fifth of the
 * server's time for views that were never sent. Returns the ms until it may compose
 * (-1: it did now). An ending client's view (its end line) is composed at once.
 */
static int update_view(struct client *c, uint64_t now)
{
	uint64_t due = sync_link_news_due(transport_link(c->t));
	if (c->ended == NULL && now < due)
		return (int)(due - now);
	term_view *v = compose(c, now);
	feed_history(c, v, now);
	if (!term_view_equal(v, c->view)) {
		transport_set_local(c->t, v);
		term_view_unref(c->view);
		c->view = v;
	} else {
		term_view_unref(v);
	}
	return -1;
}

/* The clients' work of one turn; returns the poll timeout (-1: none). */
static int turn(uint64_t now)
{
	int timeout = -1;
	if (unattached_due)
		check_unattached();
	for (size_t i = 0; i < nclients;) {
		struct client *c = clients[i];
		check_ended(c, now);
		if (c->ended == NULL && transport_last_heard_ms(c->t) == 0) {
			/* Nothing to compose for, nowhere to send until it speaks; its expiry
			 * is checked each second. */
			timeout = timeout < 0 || timeout > 1000 ? 1000 : timeout;
			i++;
			continue;
		}
		bool typing = net_clock_since(now, c->active_ms) < CLIENT_TYPING_MS;
		sync_link_set_floor(transport_link(c->t),
				    typing ? SYNC_INTERVAL_MIN_MS : CLIENT_WATCHING_INTERVAL_MS);
		int echo_wait = echo_mature(c, now);
		int view_wait = update_view(c, now);
		/* Keys typed lately: channel data goes in shorter bursts, for their echo. */
		chan_mux_set_typing(transport_channels(c->t), typing);
		transport_tick(c->t, c->fd, now);
		if (finished(c, now)) {
			client_free(i);
			continue;
		}
		int t = transport_timeout_ms(c->t, now);
		if (view_wait >= 0 && (t < 0 || view_wait < t))
			t = view_wait;
		if (echo_wait >= 0 && echo_wait < t)
			t = echo_wait;
		if (c->ended != NULL && t > CLIENT_LINGER_MS / 10)
			t = CLIENT_LINGER_MS / 10;
		uint64_t quiet = net_clock_since(now, c->active_ms);
		if (quiet < HISTORY_QUIET_MS && (t < 0 || t > (int)(HISTORY_QUIET_MS - quiet)))
			t = (int)(HISTORY_QUIET_MS - quiet); /* the prefetch may go then */
		if (c->in.message != NULL && now - c->notice_ms < c->notice_for_ms) {
			int left = (int)(c->notice_for_ms - (now - c->notice_ms));
			t = t < left ? t : left;
		}
		int status = status_wait(c, now);
		t = status >= 0 && status < t ? status : t;
		int mode = mode_wait(c, now);
		t = mode >= 0 && (t < 0 || mode < t) ? mode : t;
		timeout = timeout < 0 || t < timeout ? t : timeout;
		i++;
	}
	return timeout;
}

/*
 * One turn over the clients. No session changes in it (the clients' input was applied
 * before), so clients of one session at one size share the view composed for them and
 * the screen diffs of their frames (compose_view_shared, term_diff_share_write): each
 * is made once, and each client's own parts (a mode, a notice, its echo, its history)
 * go on a private copy, sealed for it alone.
 */
int clients_tick(void)
{
	uint64_t now = net_clock_ms();
	size_windows(now);
	compose_turn_begin();
	term_diff_share_begin();
	sendq_hold(); /* the turn's datagrams to every client go in few system calls */
	int timeout = turn(now);
	sendq_flush();
	term_diff_share_end();
	compose_turn_end();
	return timeout;
}

/* Whether the agent socket had a poll fd this turn (the first of the forwardings'). */
static size_t agent_polled;

size_t clients_fwd_pollfds(struct pollfd *p)
{
	size_t n = agent_pollfds(p);
	if (p != NULL)
		agent_polled = n;
	for (size_t i = 0; i < nclients; i++) {
		size_t k = fwd_pollfds(clients[i]->fwd, p != NULL ? p + n : NULL);
		if (p != NULL)
			clients[i]->fwd_polled = k;
		n += k;
	}
	return n;
}

void clients_fwd_service(const struct pollfd *p, size_t n)
{
	size_t at = agent_polled <= n ? agent_polled : 0;
	agent_service(p, at);
	agent_polled = 0;
	for (size_t i = 0; i < nclients; i++) {
		struct client *c = clients[i];
		size_t k = at + c->fwd_polled <= n ? c->fwd_polled : 0;
		char *notice = fwd_service(c->fwd, p + at, k);
		at += k;
		c->fwd_polled = 0; /* a client made after the poll had none */
		if (notice != NULL)
			client_notice(c, notice, CLIENT_NOTICE_MS);
		free(notice);
	}
}

void clients_end_all(const char *line)
{
	for (size_t i = 0; i < nclients; i++)
		client_end(clients[i], line);
}

void clients_free(void)
{
	while (nclients > 0)
		client_free(nclients - 1);
	free(clients);
	clients = NULL;
	compose_forget();
	agent_close();
	udp_listen_close_all();
}
