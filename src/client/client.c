/*
 * The attached client's loop: one poll over the terminal, the UDP sockets (uplink.h) and a
 * signal pipe. Input becomes events in the input log (the transport's local state) and
 * goes to the prediction engine; the view the server ships (its remote state) is drawn
 * with the engine's guesses over it whenever either changes, and once a second for the
 * link state.
 */
#include "client.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "catch.h"
#include "histcache.h"
#include "keymode.h"
#include "keyparse.h"
#include "linkstate.h"
#include "render.h"
#include "tty.h"
#include "ttyout.h"
#include "uplink.h"
#include "net/clock.h"
#include "net/forward.h"
#include "net/inputlog.h"
#include "net/sync_link.h"
#include "net/sync_sender.h"
#include "util/xmalloc.h"

#include <sodium.h>

/* With nothing heard at all by then, the server is taken to be gone. */
#define CLIENT_FIRST_CONTACT_MS 10000
/* Keys typed this recently: the user is typing (channels send in short bursts). */
#define CLIENT_TYPING_MS 1000
/* The link state's text counts seconds: redraw at least this often. */
#define CLIENT_REDRAW_MS 1000
/* How long a detach waits for the server's end line before the client leaves by itself
 * (a server killed or out of reach never answers), beyond four round trips. */
#define CLIENT_DETACH_WAIT_MS 2000

/* An encoded event the full log refused, with its key when it is one. */
struct waiting {
	uint8_t *buf;
	size_t len;
	bool is_key;
	term_key key;
};

struct client {
	const struct client_options *o;
	struct uplink up;
	inputlog *log;
	uint64_t events;    /* events appended to the log: the next one's index */
	predict *pred;
	keyparse *kp;
	render *r;
	struct keymode km;
	histcache *cache;   /* history lines for copy mode */
	/* Events the full log refused, oldest first, appended as acknowledgements make
	 * room; meanwhile stdin is not read (back-pressure): at most one read's events. */
	struct waiting *waiting;
	size_t nwaiting, waitingcap; /* waitingcap in bytes (xgrow) */
	bool changed;       /* events were appended since the last snapshot */
	bool redraw;        /* a key was guessed, an overlay opened or closed */
	ttyout *out;        /* the terminal's output queue: render and curses write there */
	bool out_waits;     /* the queue holds output the terminal has not taken yet */
	bool draw_waits;    /* a drawing is due but the last one is still in the queue */
	uint64_t drawn_ms;
	term_view *drawn;   /* the view drawn last */
	uint64_t detach_ms; /* when C-b d was pressed; 0: not yet */
	uint64_t tty_ms;    /* when the terminal's last bytes came (escape-time counts from) */
	fwd *fwd;           /* -L, -R, -A over the connection's channels */
	char *fwd_notices;  /* what forwarding told ("\n" after each), again at the exit */
	struct pollfd *pfd; /* the loop's: terminal, signals, sockets, forwardings */
	size_t npfd;
	pid_t parent;       /* at the start: a view's hup SIGHUPs it as the client leaves */
	unsigned told;      /* the render's caps serial last described to the server, + 1 */
};

static int client_signal_pipe[2] = { -1, -1 };

/* Hands the signal to the loop through the pipe; async-signal-safe. */
static void client_on_signal(int sig)
{
	int saved = errno;
	unsigned char c = (unsigned char)sig;

	if (write(client_signal_pipe[1], &c, 1) < 0)
		(void)0; /* the pipe is full: the loop has signals to read already */
	errno = saved;
}

static int client_signals(void)
{
	static const int sigs[] = { SIGWINCH, SIGTERM, SIGHUP, SIGCONT };

	if (pipe2(client_signal_pipe, O_CLOEXEC | O_NONBLOCK) != 0)
		return -1;
	catch_signals(sigs, sizeof sigs / sizeof sigs[0], client_on_signal, SA_RESTART);
	signal(SIGPIPE, SIG_IGN);
	return 0;
}

static const term_view *client_view(const struct client *c)
{
	return transport_remote(c->up.t, NULL);
}

/* An event went into the log: the engine learns of it with its index; a key for the
 * pane is guessed (and shown at once: the screen is drawn when guesses show, before or
 * after it), anything else makes what follows uncertain. */
static void client_logged(struct client *c, const term_key *key)
{
	uint64_t index = c->events++, now = net_clock_ms();

	c->changed = true;
	if (key) {
		bool shown = predict_shows(c->pred, client_view(c), now);
		predict_key(c->pred, client_view(c), key, index, now);
		c->redraw |= shown || predict_shows(c->pred, client_view(c), now);
	} else {
		predict_other(c->pred, index);
	}
}

/* Appends the events waiting while the log takes them. An event too big to ever fit is
 * dropped. */
static void client_unblock(struct client *c)
{
	size_t done = 0;

	if (c->nwaiting == 0)
		return;
	for (; done < c->nwaiting; done++) {
		struct waiting *w = &c->waiting[done];
		enum inputlog_status status = inputlog_append(c->log, w->buf, w->len);
		if (status == INPUTLOG_FULL)
			break;
		if (status == INPUTLOG_OK)
			client_logged(c, w->is_key ? &w->key : NULL);
		free(w->buf);
	}
	c->nwaiting -= done;
	memmove(c->waiting, c->waiting + done, c->nwaiting * sizeof *c->waiting);
}

/* Sends an event: into the log, behind the events already waiting for room. */
static void client_append(struct client *c, const term_event *ev)
{
	struct waiting w = { .is_key = ev->type == TERM_EVENT_KEY };

	w.buf = term_event_encode(ev, &w.len);
	if (!w.buf)
		return;
	if (w.is_key)
		w.key = ev->key;
	c->waiting = xgrow(c->waiting, &c->waitingcap, (c->nwaiting + 1) * sizeof *c->waiting,
			   16 * sizeof *c->waiting);
	c->waiting[c->nwaiting++] = w;
	client_unblock(c);
}

/* A RESIZE event with the terminal's size (the status line takes its last row), and the
 * drawing at that size. */
static void client_resize(struct client *c)
{
	struct winsize ws;
	term_event ev = { .type = TERM_EVENT_RESIZE };

	if (ioctl(STDIN_FILENO, TIOCGWINSZ, &ws) != 0 || ws.ws_col == 0 || ws.ws_row == 0)
		return;
	/* A view is at most TERM_MAX_COLS x TERM_MAX_ROWS: a larger terminal is drawn in its
	 * top left corner (ncurses crashed drawing 32768 columns). */
	ev.resize.cols = ws.ws_col > TERM_MAX_COLS ? TERM_MAX_COLS : ws.ws_col;
	ev.resize.rows = ws.ws_row > TERM_MAX_ROWS ? TERM_MAX_ROWS : ws.ws_row;
	if (render_resize(c->r, ev.resize.rows, ev.resize.cols))
		client_append(c, &ev);
}

static void client_send(void *arg, const term_event *ev)
{
	struct client *c = arg;
	if (ev->type == TERM_EVENT_DETACH && c->detach_ms == 0)
		c->detach_ms = net_clock_ms();
	client_append(c, ev);
}

/* Whether a detach waited long enough for the server: at once when the server has been
 * silent past the link state's threshold, else after CLIENT_DETACH_WAIT_MS and four
 * round trips. Detaching always works from the keyboard, the server there or not. */
static bool detach_overdue(const struct client *c, uint64_t now)
{
	const net_conn *conn = transport_conn(c->up.t);
	if (c->detach_ms == 0)
		return false;
	if (net_clock_since(now, net_conn_last_heard_ms(conn)) > LINKSTATE_QUIET_MS)
		return true;
	return net_clock_since(now, c->detach_ms) >
	       CLIENT_DETACH_WAIT_MS + 4 * (uint64_t)net_conn_srtt_ms(conn);
}

/* A copy: to the server in BUFFER events (in pieces as pastes go), the last ending it as
 * a new paste buffer or, for a pipe, a PIPE event after them; and to this terminal's
 * clipboard (render_copy: Ms or OSC 52; the text is here already, so no size limit from
 * the link). */
static void client_copied(void *arg, const struct copymode_copy *cp)
{
	struct client *c = arg;
	size_t done = 0;

	while (done < cp->len || (done == 0 && cp->pipe == NULL)) {
		term_event ev = {.type = TERM_EVENT_BUFFER};
		size_t n = term_event_paste_cut(cp->text + done, cp->len - done);
		ev.buffer.text = cp->text + done;
		ev.buffer.len = (uint32_t)n;
		ev.buffer.more = done + n < cp->len || cp->pipe != NULL;
		ev.buffer.pane = cp->pane;
		ev.buffer.prefix = cp->prefix;
		ev.buffer.prefix_len = (uint32_t)strlen(cp->prefix); /* at most PREFIX_MAX */
		client_append(c, &ev);
		done += n;
		if (n == 0)
			break; /* the one empty piece of an empty copy */
	}
	if (cp->pipe != NULL) {
		term_event ev = {.type = TERM_EVENT_PIPE};
		ev.pipe.pane = cp->pane;
		ev.pipe.buffer = cp->buffer;
		ev.pipe.command = cp->pipe;
		ev.pipe.len = (uint32_t)strlen(cp->pipe); /* at most TERM_EVENT_PIPE_MAX */
		ev.pipe.prefix = cp->prefix;
		ev.pipe.prefix_len = (uint32_t)strlen(cp->prefix);
		client_append(c, &ev);
	}
	if (!cp->buffer || client_view(c)->clipboard == 0) /* set-clipboard off */
		return;
	size_t size = sodium_base64_encoded_len(cp->len, sodium_base64_VARIANT_ORIGINAL);
	char *b64 = xmalloc(size);
	sodium_bin2base64(b64, size, (const unsigned char *)cp->text, cp->len,
			  sodium_base64_VARIANT_ORIGINAL);
	render_copy(c->r, b64);
	free(b64);
}

static struct copymode_io client_io(struct client *c)
{
	return (struct copymode_io){client_view(c), c->cache, client_send, client_copied, c};
}

/* What keyparse emits: keys go by what they are for, the rest is sent as is. */
static void client_event(void *arg, const term_event *ev)
{
	struct client *c = arg;
	struct copymode_io io = client_io(c);

	if (ev->type == TERM_EVENT_MOUSE) {
		bool was = c->km.copy.on;
		bool mine = keymode_mouse(&c->km, &ev->mouse, net_clock_ms(), &io);
		c->redraw |= mine || was || c->km.copy.on;
		if (mine)
			return;
	}
	if (ev->type != TERM_EVENT_KEY)
		client_append(c, ev);
	else if (keymode_key(&c->km, ev, net_clock_ms(), &io))
		c->redraw = true;
}

/* Ships the log's window when events were appended. */
static void client_publish(struct client *c)
{
	inputlog_state *s;

	if (!c->changed)
		return;
	s = inputlog_snapshot(c->log, INPUTLOG_WINDOW);
	transport_set_local(c->up.t, s);
	inputlog_state_unref(s);
	c->changed = false;
}

static void client_draw(struct client *c, uint64_t now)
{
	/* The transport holds the view; the overlay only takes a reference to it. */
	term_view *guessed = predict_overlay(c->pred, (term_view *)client_view(c), now);
	term_view *v = copymode_overlay(&c->km.copy, guessed, c->cache);
	/* The render draws the same view object again in full (render.h); a clone shares
	 * its rows, so only what changed over it is drawn (the link state each second). */
	if (v == c->drawn) {
		term_view *clone = term_view_clone(v);
		term_view_unref(v);
		v = clone;
	}
	const net_conn *conn = transport_conn(c->up.t);
	struct linkstate ls = { net_conn_last_heard_ms(conn), net_conn_last_roundtrip_ms(conn),
				net_conn_srtt_ms(conn), c->o->local,
				c->o->local ? NULL : uplink_path(&c->up, now) };
	char link[64];

	linkstate_text(link, sizeof link, now, &ls);
	render_view(c->r, v, link);
	if (render_caps_serial(c->r) + 1 != c->told) { /* attached, or new terminal lists */
		c->told = render_caps_serial(c->r) + 1;
		render_describe(c->r, client_send, c);
	}
	keymode_draw(&c->km, c->r, v);
	render_flush(c->r);
	term_view_unref(c->drawn);
	c->drawn = v; /* held: its address is not another view's meanwhile */
	term_view_unref(guessed);
	c->drawn_ms = now;
	c->redraw = false;
}

/* Reads the terminal; returns false at its end. */
static bool client_read_tty(struct client *c)
{
	uint8_t buf[4096];
	ssize_t n = read(STDIN_FILENO, buf, sizeof buf);

	if (n < 0)
		return errno == EINTR || errno == EAGAIN;
	if (n == 0)
		return false;
	c->tty_ms = net_clock_ms();
	keyparse_feed(c->kp, buf, (size_t)n, client_event, c);
	return true;
}

/* A newer view: the guesses it acknowledges are checked, its key tables and requests
 * taken, and the terminal reports the mouse as far as its panes' programs ask
 * (pass-through, as mosh), or clicks and drags at least with the mouse option on (copy
 * mode's selection). */
static void client_fresh_view(void *arg)
{
	struct client *c = arg;
	struct copymode_io io = client_io(c);
	enum tty_mouse level = tty_mouse_wanted(client_view(c));

	histcache_view(c->cache, client_view(c));
	copymode_view(&c->km.copy, &io);
	predict_view(c->pred, client_view(c), net_clock_ms());
	keymode_view(&c->km, net_clock_ms(), &io);
	tty_mouse(client_view(c)->mouse && level < TTY_MOUSE_DRAG ? TTY_MOUSE_DRAG : level);
	c->redraw = true;
}

/* Takes the datagrams waiting; what the server holds of the log is dropped from it. */
static void client_read_udp(struct client *c, const struct pollfd *p, unsigned n,
			    uint64_t now)
{
	const inputlog_state *acked;

	uplink_receive(&c->up, p, n, now, client_fresh_view, c);
	acked = sync_sender_acked(sync_link_sender(transport_link(c->up.t)), NULL);
	if (acked) {
		size_t before = inputlog_pending_events(c->log);
		inputlog_acked(c->log, inputlog_state_end(acked));
		/* The window moves past what the server holds: ship the next events. */
		c->changed |= inputlog_pending_events(c->log) != before;
		client_unblock(c);
	}
}

/* Handles the signals waiting; returns false when one ends the client. */
static bool client_read_signals(struct client *c, bool *redraw)
{
	unsigned char sig;

	while (read(client_signal_pipe[0], &sig, 1) == 1) {
		switch (sig) {
		case SIGWINCH:
			client_resize(c);
			*redraw = true;
			break;
		case SIGCONT:
			tty_reenter();
			render_invalidate(c->r);
			*redraw = true;
			break;
		default:
			return false;
		}
	}
	return true;
}

/* What refresh-client and suspend-client run here asked for (keymode.h). A stopped
 * client draws everything once continued (SIGCONT, client_read_signals). */
static void client_wants(struct client *c, bool *redraw)
{
	unsigned wants = c->km.wants;
	c->km.wants = 0;
	if (wants & KEYMODE_WANT_SUSPEND) {
		/* Stopped by the default action: curses' own SIGTSTP handler would put back
		 * the modes it found at its start, raw (tty_enter came first). */
		struct sigaction dfl = {.sa_handler = SIG_DFL}, old;
		render_suspend(c->r);
		ttyout_finish(c->out); /* the main screen back before the shell's prompt */
		tty_restore();
		sigaction(SIGTSTP, &dfl, &old);
		kill(getpid(), SIGTSTP);
		sigaction(SIGTSTP, &old, NULL);
	}
	if (wants & KEYMODE_WANT_REDRAW) {
		render_invalidate(c->r);
		*redraw = true;
	}
}

/* Leaves the terminal as it was, for a last message. */
static void client_leave(struct client *c)
{
	render_free(c->r);
	c->r = NULL;
	ttyout_finish(c->out); /* the drawing, then the modes tty_restore writes itself */
	term_view_unref(c->drawn);
	c->drawn = NULL;
	tty_restore();
}

/* The ms until a lone ESC is the Escape key (escape-time after the last bytes), or -1. */
static int client_escape_due(const struct client *c, uint64_t now)
{
	uint64_t due = c->tty_ms + keymode_escape_ms(&c->km);
	if (!keyparse_pending(c->kp))
		return -1;
	return due > now ? (int)(due - now) : 0;
}

/* How long poll may wait: until a frame is due, the link state's text or the guesses
 * shown change, an escape key is complete, or a repeat or a message ends. While a
 * drawing waits for the terminal, the terminal's room wakes the loop instead. */
static int client_timeout(struct client *c, uint64_t now, uint64_t *guesses_due)
{
	int timeout = transport_timeout_ms(c->up.t, now);
	int guesses = predict_timeout_ms(c->pred, now);
	int escape = client_escape_due(c, now), keys = keymode_timeout(&c->km, now);
	int up = uplink_timeout_ms(&c->up, now);

	if (timeout < 0 || timeout > CLIENT_REDRAW_MS)
		timeout = CLIENT_REDRAW_MS;
	if (escape >= 0 && escape < timeout)
		timeout = escape;
	if (keys >= 0 && keys < timeout)
		timeout = keys;
	if (up >= 0 && up < timeout)
		timeout = up;
	*guesses_due = guesses >= 0 ? now + (uint64_t)guesses : UINT64_MAX;
	if (guesses >= 0 && guesses < timeout && !c->draw_waits)
		timeout = guesses;
	return timeout;
}

/* Sets up the forwardings asked for: -L listens now, -R asks the server, -A serves the
 * agent. -1 having said what failed. */
static int client_forwards(struct client *c)
{
	const struct client_forwards *cf = c->o->fwd;
	char *err;

	c->fwd = fwd_new(transport_channels(c->up.t));
	if (cf == NULL)
		return 0;
	/* With no agent here there is nothing to offer: the host's programs find none. */
	const char *agent = getenv("SSH_AUTH_SOCK");
	if (cf->agent && agent != NULL && *agent != '\0')
		fwd_offer_agent(c->fwd);
	for (size_t i = 0; i < cf->nlocal; i++) {
		if (fwd_add_local(c->fwd, &cf->local[i], &err) != 0) {
			fprintf(stderr, "rsh: local forwarding of port %u failed: %s\n",
				cf->local[i].port, err);
			free(err);
			return -1;
		}
	}
	for (size_t i = 0; i < cf->nremote; i++)
		fwd_add_remote(c->fwd, &cf->remote[i]);
	return 0;
}

/* Moves the forwarded bytes. What forwarding tells the user (a failure, the port picked
 * for -R 0:...) shows on the message row, and again on stderr at the exit, as the screen
 * may have hidden it meanwhile. */
static void client_forward(struct client *c, const struct pollfd *p, size_t n, uint64_t now)
{
	char *notice = fwd_service(c->fwd, p, n), *all;
	if (notice == NULL)
		return;
	keymode_say(&c->km, now, notice);
	c->redraw = true;
	xasprintf(&all, "%s%s\n", c->fwd_notices != NULL ? c->fwd_notices : "", notice);
	free(c->fwd_notices);
	c->fwd_notices = all;
	free(notice);
}

/* Draws when something changed, once the terminal has taken the last drawing: so the
 * client never draws faster than its terminal takes (the views meanwhile make one
 * drawing), and keys, datagrams and acknowledgements go on while a slow or stopped
 * terminal holds it up (the drawing waits in the queue, never in a write). */
static void client_maybe_draw(struct client *c, bool due, uint64_t now)
{
	c->out_waits = !ttyout_send(c->out);
	if (!due && !c->draw_waits)
		return;
	c->draw_waits = c->out_waits;
	if (!c->draw_waits) {
		client_draw(c, now);
		c->out_waits = !ttyout_send(c->out);
	}
}

static int client_loop(struct client *c)
{
	uint64_t start = net_clock_ms();

	for (;;) {
		uint64_t now = net_clock_ms(), guesses_due;
		const term_view *v = client_view(c);
		size_t nfwd = fwd_pollfds(c->fwd, NULL);
		if (3 + UPLINK_POLLFDS + nfwd > c->npfd) {
			c->npfd = 3 + UPLINK_POLLFDS + nfwd;
			free(c->pfd);
			c->pfd = xcalloc(c->npfd, sizeof *c->pfd);
		}
		struct pollfd *p = c->pfd;
		p[0] = (struct pollfd){ .fd = STDIN_FILENO, .events = c->nwaiting > 0 ? 0 : POLLIN };
		p[1] = (struct pollfd){ .fd = client_signal_pipe[0], .events = POLLIN };
		unsigned nsock;
		bool redraw = false;
		int timeout;

		if (v->ended[0]) {
			client_leave(c);
			printf("[%s]\n", v->ended);
			if (v->hup && c->parent > 1) /* detach-client -P, as tmux */
				kill(c->parent, SIGHUP);
			return 0;
		}
		if (detach_overdue(c, now)) {
			client_leave(c);
			printf("[detached (the server did not answer)]\n");
			return 0;
		}
		if (transport_last_heard_ms(c->up.t) == 0 && now - start > CLIENT_FIRST_CONTACT_MS) {
			client_leave(c);
			/* The server answers nothing unauthentic: a token it does not know (made
			 * up, or its client detached) looks the same as a closed port. */
			fprintf(stderr, "rsh: no reply from %s over UDP port %u%s (is UDP port %u open"
				" on the host's firewall? is the token current? one serves until its"
				" client detaches)\n", c->o->host, c->o->connect.port,
				c->up.ssh != NULL && c->o->transport != UPLINK_UDP ? " nor over ssh"
										 : "",
				c->o->connect.port);
			return 1;
		}
		client_publish(c);
		/* Keys typed lately: channel data goes in shorter bursts, for their echo. */
		chan_mux_set_typing(transport_channels(c->up.t),
				    c->tty_ms != 0 && now - c->tty_ms < CLIENT_TYPING_MS);
		uplink_tick(&c->up, now);
		predict_link(c->pred, net_conn_srtt_ms(transport_conn(c->up.t)), now);
		nsock = uplink_pollfds(&c->up, p + 2);
		fwd_pollfds(c->fwd, p + 2 + nsock);
		/* The terminal's room, while a drawing waits for it. */
		p[2 + nsock + nfwd] = (struct pollfd){ .fd = ttyout_fd(c->out), .events = POLLOUT };
		timeout = client_timeout(c, now, &guesses_due);
		if (poll(p, 2 + nsock + nfwd + (c->draw_waits || c->out_waits), timeout) < 0 &&
		    errno != EINTR)
			break;
		now = net_clock_ms();
		if (p[1].revents & POLLIN && !client_read_signals(c, &redraw))
			break;
		if (p[0].revents & (POLLIN | POLLHUP) && !client_read_tty(c))
			break;
		if (!(p[0].revents & POLLIN) && client_escape_due(c, now) == 0)
			keyparse_flush(c->kp, client_event, c);
		/* Keys with nothing to draw first (no guess shown) go to the server at once,
		 * before the datagrams and the drawing: their echo is the server's. */
		if (c->changed && !c->redraw && !redraw) {
			client_publish(c);
			uplink_tick(&c->up, now);
		}
		struct copymode_io io = client_io(c);
		if (keymode_tick(&c->km, now, &io))
			redraw = true;
		client_read_udp(c, p + 2, nsock, now);
		client_forward(c, p + 2 + nsock, nfwd, now);
		client_wants(c, &redraw);
		client_maybe_draw(c, redraw || c->redraw || now >= guesses_due ||
					     now - c->drawn_ms >= CLIENT_REDRAW_MS, now);
	}
	return 1;
}

int client_run(const struct client_options *o)
{
	struct client c = { .o = o, .parent = getppid() };
	inputlog_state *empty = inputlog_state_empty();
	term_view *blank = term_view_new(0, 0, 0);
	int status = 1, opened;

	opened = uplink_open(&c.up, o->host, o->connect.port, o->connect.id, o->connect.key,
			     empty, blank, net_clock_ms(), o->transport, o->ssh);
	inputlog_state_unref(empty);
	term_view_unref(blank);
	if (opened != 0 || client_forwards(&c) != 0)
		goto out;
	if (client_signals() != 0) {
		fprintf(stderr, "rsh: pipe: %s\n", strerror(errno));
		goto out;
	}
	if (tty_enter(STDIN_FILENO) != 0) {
		fprintf(stderr, "rsh: open terminal failed: not a terminal\n");
		goto out;
	}
	c.out = ttyout_new(STDOUT_FILENO);
	if (c.out == NULL) {
		tty_restore();
		fprintf(stderr, "rsh: memfd_create: %s\n", strerror(errno));
		goto out;
	}
	c.r = render_new(getenv("TERM") ? getenv("TERM") : "xterm", getenv("COLORTERM"),
			 stdin, ttyout_file(c.out));
	if (!c.r) {
		tty_restore();
		fprintf(stderr, "rsh: unknown terminal type\n");
		goto out;
	}
	c.log = inputlog_new();
	c.kp = keyparse_new();
	c.cache = histcache_new(HISTCACHE_MAX_LINES);
	keymode_init(&c.km, COPYMODE_EMACS); /* the view's mode-keys decides on entering */
	c.pred = predict_new(o->predict);
	client_resize(&c);
	status = client_loop(&c);
	client_leave(&c);
	inputlog_free(c.log);
	keyparse_free(c.kp);
	predict_free(c.pred);
	keymode_clear(&c.km);
	histcache_free(c.cache);
	for (size_t i = 0; i < c.nwaiting; i++)
		free(c.waiting[i].buf);
	free(c.waiting);
out:
	ttyout_free(c.out);
	fwd_free(c.fwd);
	free(c.pfd);
	uplink_close(&c.up);
	for (const char *line = c.fwd_notices; line != NULL && *line != '\0';) {
		size_t len = strcspn(line, "\n");
		fprintf(stderr, "rsh: %.*s\n", (int)len, line);
		line += len + 1;
	}
	free(c.fwd_notices);
	return status;
}
