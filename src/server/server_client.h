/*
 * Attached clients, as the server keeps them: each has its own sync connection
 * (net/transport.h) on the server's UDP socket, ships its own composed view
 * (compose.h) at its own pace, and sends an input log whose events are applied once each
 * (input.h).
 */
#ifndef RSH_SERVER_SERVER_CLIENT_H
#define RSH_SERVER_SERVER_CLIENT_H

#include <stdbool.h>
#include <stdint.h>

#include "input.h"
#include "server.h"
#include "cmd/proto.h"
#include "net/forward.h"
#include "net/token.h"
#include "net/transport.h"
#include "term/view.h"

/* How long a client may stay silent before the server drops it, unless the server's
 * environment says otherwise (RSH_CLIENT_TIMEOUT, in seconds). */
#define CLIENT_SILENCE_MS (24ULL * 3600 * 1000)
/* A client that never spoke (its connect line unused: a bootstrap whose client never
 * came) goes after this, or after the silence limit when that is shorter; it never sizes
 * a window, and at most CLIENT_UNUSED_MAX are kept (a new one pushes out the oldest). */
#define CLIENT_UNUSED_MS 60000
#define CLIENT_UNUSED_MAX 64
/* A client silent this long (two of its heartbeats missed) counts no more for its
 * window's size, as its own status row then says "last contact". */
#define CLIENT_QUIET_MS (2 * SYNC_HEARTBEAT_MS + 500)
/* A client silent this long after its host answered "port unreachable" is gone (killed:
 * nothing listens there). One asleep or out of reach gets no such answer and keeps the
 * silence limit (24 h); this one is long enough for a client to roam back. */
#define CLIENT_REFUSED_MS 60000
/* How long an ended client waits for its last view to be acknowledged. */
#define CLIENT_LINGER_MS 3000
/* How long a failed command's error line stays on the status line. */
#define CLIENT_NOTICE_MS 5000
/* How long after applying a key the server vouches that its echo is on screen: a
 * program echoes within a few ms (mosh waits 50 ms too). */
#define CLIENT_ECHO_MS 50
/* A client that sent input this recently is typing: its channels send in short bursts,
 * and its frames go as often as the link allows (SYNC_INTERVAL_MIN_MS apart on a fast
 * one) for the echo; one only watching gets at most 50 a second, as mosh sends, which
 * halves the frames (and the server's sends) of many watchers of a scrolling pane. */
#define CLIENT_TYPING_MS 1000
#define CLIENT_WATCHING_INTERVAL_MS 20
/* Batches of applied events awaiting CLIENT_ECHO_MS; more merge into the newest. */
#define CLIENT_ECHO_QUEUE 32

/* Input events applied (the log's read position then) and when. */
struct client_applied {
	uint64_t end, ms;
};

struct client {
	uint32_t id;           /* unique for the server's life, for list-clients */
	transport *t;
	int fd;                /* the UDP socket it reaches the server on (udp_listen.h) */
	struct input_client in; /* what its events told: session, size, detach, message */
	uint64_t next_event;    /* the input log's read position */
	uint64_t created_ms, active_ms; /* attach, and its latest input */
	uint64_t notice_ms;     /* when in.message was set */
	uint64_t notice_for_ms; /* how long it shows */
	bool noticed;           /* client_notice was called during the event being applied */
	term_view *view;        /* the last view handed to the transport */
	/* The echo acknowledgement (term/view.h): batches applied, oldest first, and what
	 * the view says: events applied at least CLIENT_ECHO_MS ago. */
	struct client_applied applied[CLIENT_ECHO_QUEUE];
	unsigned napplied;
	struct client_applied echo;
	uint64_t refused_ms;    /* when its address last answered "port unreachable"; 0 */
	uint32_t last_session;  /* the session it showed before (switch-client -l), if has_last */
	bool has_last;
	/* attach -r, switch-client -r: its keys, pastes and mouse never reach a pane and its
	 * bindings run only the read-only commands (tmux's CLIENT_READONLY); it sizes no
	 * window. */
	bool readonly;
	char *ended;            /* the end line once the attachment is over, else NULL */
	bool hup;               /* with ended: the client SIGHUPs its parent (term/view.h) */
	/* What the client is asked to run itself (term/view.h's run request), argv form. */
	uint32_t bells; /* the terminal bells alerts asked for (term/view.h's bells) */
	uint64_t run_serial;
	int run_argc;
	char **run_argv;
	uint64_t ended_ms;
	fwd *fwd;               /* its -L and -R, over its connection's channels */
	size_t fwd_polled;      /* how many poll fds its forwarding had this turn */
	/* The mode drawn over its window area and taking its keys (mode.h), or NULL. */
	const struct mode_ops *mode;
	void *mode_data;
};

/* The attached clients, in creation order. */
extern struct client **clients;
extern size_t nclients;

/*
 * A new client of session s for the request that attaches it, on the UDP socket the
 * request asks for (udp_listen.h); *c is then the connect line to tell it. Fails (NULL,
 * *why set) when that socket cannot be bound. The request's cols x rows is the client's
 * size (0 when unknown) until its first resize.
 */
struct client *client_create(struct session *s, const struct proto_request *req,
			     struct net_connect *c, const char **why);
/* The client whose input event is being applied, or NULL (control socket commands). */
struct client *client_current(void);
/* Shows text's first line on c's status row for ms milliseconds (display-message, a
 * command's error), in place of any notice before it. */
void client_notice(struct client *c, const char *text, uint64_t ms);
/* Ends the attachment: the end line goes out with the next view, then the client goes. */
void client_end(struct client *c, const char *line);
/* Moves c to session s (attach-session from a client). */
void client_switch(struct client *c, struct session *s);
/* How many clients are attached to s (their attachment not over). */
size_t clients_of(const struct session *s);
/*
 * Session s is about to go: its clients, as its detach-on-destroy says (tmux's
 * server_destroy_session), end (on: they leave, "exited") or are switched to another
 * session, the one made current least lately as tmux 3.3a picks it (off), or of those
 * no client is attached to (no-detached; none: they leave).
 */
void clients_session_destroyed(const struct session *s);
/*
 * Asks the client to run one command itself (command-prompt, confirm-before,
 * switch-client -T: what is the client's business), through its next view. A request not
 * yet shipped is kept: the new one goes after it. -1 with *cause when too long.
 */
int client_run_there(struct client *c, int argc, char *const argv[], char **cause);

/* Takes the datagrams waiting on a UDP socket (a bounded number) and applies their input
 * events. */
void clients_receive(int fd);
/* Takes the ICMP errors queued on a UDP socket: clients at a refusing address are marked. */
void clients_refused(int fd);
/* Sizes windows to their latest clients, composes and ships the views, drops clients
 * that are over. Returns the poll timeout the transports want in ms (-1: none). */
int clients_tick(void);
/* The largest (else smallest) size s's clients give its windows, the status lines left
 * out (resize-window -A, -a); false when no client counts. */
bool clients_window_size(const struct session *s, bool largest, unsigned *cols, unsigned *rows);
/* Fills p (NULL: counts) with every client's forwarding fds; returns how many. */
size_t clients_fwd_pollfds(struct pollfd *p);
/* Moves the forwarded bytes by the poll results of the fds clients_fwd_pollfds filled
 * (n 0: none were polled). */
void clients_fwd_service(const struct pollfd *p, size_t n);
/* Ends every client: kill-server and SIGTERM. */
void clients_end_all(const char *line);
/* Frees every client and closes the socket. */
void clients_free(void);

#endif
