/*
 * The attached client's loop: one poll over the terminal, the UDP socket and a signal
 * pipe. Input becomes events in the input log (the transport's local state); the view the
 * server ships (its remote state) is drawn whenever it changes, and once a second for the
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
#include "keyparse.h"
#include "linkstate.h"
#include "prefix.h"
#include "prompt.h"
#include "render.h"
#include "tty.h"
#include "net/clock.h"
#include "net/inputlog.h"
#include "net/packet.h"
#include "net/sync_link.h"
#include "net/sync_sender.h"
#include "net/transport.h"
#include "net/udp.h"
#include "term/view_wire.h"
#include "util/xmalloc.h"

/* With nothing heard at all by then, the server is taken to be gone. */
#define CLIENT_FIRST_CONTACT_MS 10000
/* The link state's text counts seconds: redraw at least this often. */
#define CLIENT_REDRAW_MS 1000

/* What the next key is for. */
enum client_mode {
	CLIENT_KEYS,     /* the pane, unless it is the prefix */
	CLIENT_PREFIXED, /* a binding */
	CLIENT_HELP,     /* closing the list of bindings */
	CLIENT_PROMPT,   /* the line a binding asked for */
};

struct client {
	transport *t;
	int fd;             /* the UDP socket */
	inputlog *log;
	keyparse *kp;
	render *r;
	enum client_mode mode;
	const struct prefix_binding *asking; /* the binding whose prompt is open */
	struct prompt prompt;
	bool full;          /* the log is full: stdin waits for acknowledgements */
	bool changed;       /* events were appended since the last snapshot */
	bool redraw;        /* an overlay opened or closed */
	uint64_t drawn_ms;
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

static void client_append(struct client *c, const term_event *ev)
{
	size_t len;
	uint8_t *buf = term_event_encode(ev, &len);

	if (!buf)
		return;
	if (inputlog_append(c->log, buf, len) == INPUTLOG_FULL)
		c->full = true;
	else
		c->changed = true;
	free(buf);
}

/* A RESIZE event with the terminal's size: the status line takes its last row. */
static void client_resize(struct client *c)
{
	struct winsize ws;
	term_event ev = { .type = TERM_EVENT_RESIZE };

	if (ioctl(STDIN_FILENO, TIOCGWINSZ, &ws) != 0 || ws.ws_col == 0 || ws.ws_row == 0)
		return;
	ev.resize.cols = ws.ws_col > TERM_MAX_COLS ? TERM_MAX_COLS : ws.ws_col;
	ev.resize.rows = ws.ws_row > TERM_MAX_ROWS ? TERM_MAX_ROWS : ws.ws_row;
	client_append(c, &ev);
}

/* A binding's command words, and last (when not NULL) a prompt's line, as a COMMAND. */
static void client_command(struct client *c, const char *const *words, const char *last)
{
	term_event ev = { .type = TERM_EVENT_COMMAND };

	while (words[ev.command.argc] && ev.command.argc < PREFIX_MAX_WORDS) {
		ev.command.argv[ev.command.argc].p = words[ev.command.argc];
		ev.command.argv[ev.command.argc].len = (uint32_t)strlen(words[ev.command.argc]);
		ev.command.argc++;
	}
	if (last) {
		ev.command.argv[ev.command.argc].p = last;
		ev.command.argv[ev.command.argc].len = (uint32_t)strlen(last);
		ev.command.argc++;
	}
	client_append(c, &ev);
}

/* A key for the prompt's line: Enter sends the command, Escape or C-c drops it. */
static void client_prompt_key(struct client *c, const term_key *key)
{
	enum prompt_result r = prompt_key(&c->prompt, key);

	if (r == PROMPT_DONE)
		client_command(c, c->asking->words, c->prompt.line);
	if (r != PROMPT_EDITING)
		c->mode = CLIENT_KEYS;
	c->redraw = true;
}

/* The key after the prefix: what its binding does; unbound, nothing (as tmux). */
static void client_binding(struct client *c, const term_event *ev)
{
	const struct prefix_binding *b = prefix_lookup(&ev->key);
	term_event detach = { .type = TERM_EVENT_DETACH };

	c->mode = CLIENT_KEYS;
	if (!b)
		return;
	switch (b->action) {
	case PREFIX_COMMAND:
		client_command(c, b->words, NULL);
		break;
	case PREFIX_DETACH:
		client_append(c, &detach);
		break;
	case PREFIX_SEND_PREFIX:
		client_append(c, ev);
		break;
	case PREFIX_HELP:
		c->mode = CLIENT_HELP;
		c->redraw = true;
		break;
	case PREFIX_PROMPT:
		c->mode = CLIENT_PROMPT;
		c->asking = b;
		c->prompt.len = 0;
		c->prompt.line[0] = '\0';
		c->redraw = true;
		break;
	}
}

/* What keyparse emits: keys go by the mode, the rest is sent as is. */
static void client_event(void *arg, const term_event *ev)
{
	struct client *c = arg;

	if (ev->type != TERM_EVENT_KEY) {
		client_append(c, ev);
		return;
	}
	switch (c->mode) {
	case CLIENT_KEYS:
		if (prefix_is_prefix(&ev->key))
			c->mode = CLIENT_PREFIXED;
		else
			client_append(c, ev);
		break;
	case CLIENT_PREFIXED:
		client_binding(c, ev);
		break;
	case CLIENT_HELP:
		c->mode = CLIENT_KEYS; /* any key closes the list */
		c->redraw = true;
		break;
	case CLIENT_PROMPT:
		client_prompt_key(c, &ev->key);
		break;
	}
}

/* Ships the log's window when events were appended. */
static void client_publish(struct client *c)
{
	inputlog_state *s;

	if (!c->changed)
		return;
	s = inputlog_snapshot(c->log, INPUTLOG_WINDOW);
	transport_set_local(c->t, s);
	inputlog_state_unref(s);
	c->changed = false;
}

static void client_draw(struct client *c, uint64_t now)
{
	const term_view *v = transport_remote(c->t, NULL);
	char link[64];

	linkstate_text(link, sizeof link, now, transport_last_heard_ms(c->t));
	render_view(c->r, v, link);
	if (c->mode == CLIENT_PROMPT) {
		char *text;
		xasprintf(&text, "%s%s", c->asking->prompt ? c->asking->prompt : "", c->prompt.line);
		render_prompt(c->r, v, text);
		free(text);
	} else if (c->mode == CLIENT_HELP) {
		size_t n;
		const struct prefix_binding *b = prefix_bindings(&n);
		render_help(c->r, b, n);
	}
	render_flush(c->r);
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
	keyparse_feed(c->kp, buf, (size_t)n, client_event, c);
	return true;
}

/* Takes the datagrams waiting; what the server holds of the log is dropped from it. */
static void client_read_udp(struct client *c, uint64_t now, bool *redraw)
{
	uint8_t buf[NET_DGRAM_MAX];
	struct net_addr from;
	const inputlog_state *acked;
	ssize_t n;

	while ((n = net_udp_recv(c->fd, buf, sizeof buf, &from)) >= 0)
		if (transport_receive(c->t, buf, (size_t)n, (struct sockaddr *)&from.ss,
				      from.len, now) == 1)
			*redraw = true;
	acked = sync_sender_acked(sync_link_sender(transport_link(c->t)), NULL);
	if (acked) {
		inputlog_acked(c->log, inputlog_state_end(acked));
		c->full = false;
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

static int client_loop(struct client *c)
{
	uint64_t start = net_clock_ms();

	for (;;) {
		uint64_t now = net_clock_ms();
		const term_view *v = transport_remote(c->t, NULL);
		struct pollfd p[3] = {
			{ .fd = STDIN_FILENO, .events = c->full ? 0 : POLLIN },
			{ .fd = c->fd, .events = POLLIN },
			{ .fd = client_signal_pipe[0], .events = POLLIN },
		};
		bool redraw = false;
		int timeout;

		if (v->ended[0]) {
			render_free(c->r);
			c->r = NULL;
			tty_restore();
			printf("[%s]\n", v->ended);
			return 0;
		}
		if (transport_last_heard_ms(c->t) == 0 && now - start > CLIENT_FIRST_CONTACT_MS) {
			render_free(c->r);
			c->r = NULL;
			tty_restore();
			fprintf(stderr, "rsh: no reply from the server\n");
			return 1;
		}
		client_publish(c);
		transport_tick(c->t, c->fd, now);
		timeout = transport_timeout_ms(c->t, now);
		if (timeout < 0 || timeout > CLIENT_REDRAW_MS)
			timeout = CLIENT_REDRAW_MS;
		if (keyparse_pending(c->kp) && timeout > KEYPARSE_ESC_MS)
			timeout = KEYPARSE_ESC_MS;
		if (poll(p, 3, timeout) < 0 && errno != EINTR)
			return 1;
		now = net_clock_ms();
		if (p[2].revents & POLLIN && !client_read_signals(c, &redraw))
			return 1;
		if (p[0].revents & (POLLIN | POLLHUP) && !client_read_tty(c))
			return 1;
		if (!(p[0].revents & POLLIN) && keyparse_pending(c->kp))
			keyparse_flush(c->kp, client_event, c);
		if (p[1].revents & POLLIN)
			client_read_udp(c, now, &redraw);
		if (redraw || c->redraw || now - c->drawn_ms >= CLIENT_REDRAW_MS)
			client_draw(c, now);
	}
}

/* A UDP socket on an ephemeral port, of the server address's family. */
static int client_socket(const struct net_addr *server)
{
	struct sockaddr_storage any;

	memset(&any, 0, sizeof any);
	any.ss_family = server->ss.ss_family;
	return net_udp_bind((struct sockaddr *)&any, server->len);
}

int client_run(const struct client_options *o)
{
	struct client c = { .fd = -1 };
	struct net_addr server;
	inputlog_state *empty;
	term_view *blank;
	int status = 1;

	if (net_addr_resolve(o->host, o->connect.port, &server) != 0) {
		fprintf(stderr, "rsh: cannot resolve %s\n", o->host);
		return 1;
	}
	c.fd = client_socket(&server);
	if (c.fd < 0 || client_signals() != 0) {
		fprintf(stderr, "rsh: socket: %s\n", strerror(errno));
		goto out;
	}
	if (tty_enter(STDIN_FILENO) != 0) {
		fprintf(stderr, "rsh: open terminal failed: not a terminal\n");
		goto out;
	}
	c.r = render_new(getenv("TERM") ? getenv("TERM") : "xterm", getenv("COLORTERM"),
			 stdin, stdout);
	if (!c.r) {
		tty_restore();
		fprintf(stderr, "rsh: unknown terminal type\n");
		goto out;
	}
	empty = inputlog_state_empty();
	blank = term_view_new(0, 0, 0);
	c.t = transport_new(o->connect.id, o->connect.key, false, &inputlog_ops, empty,
			    &term_view_sync_ops, blank);
	inputlog_state_unref(empty);
	term_view_unref(blank);
	net_conn_set_peer(transport_conn(c.t), (struct sockaddr *)&server.ss, server.len);
	c.log = inputlog_new();
	c.kp = keyparse_new();
	client_resize(&c);
	status = client_loop(&c);
	render_free(c.r);
	tty_restore();
	transport_free(c.t);
	inputlog_free(c.log);
	keyparse_free(c.kp);
out:
	if (c.fd >= 0)
		close(c.fd);
	return status;
}
