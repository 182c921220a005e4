/*
 * The server's event loop: one poll over the control socket, its connections and every
 * pane's pty. Each turn reads at most a bounded chunk from each pane (pane_read), so a
 * pane flooding output costs the others one chunk's delay, never more.
 */
#include <errno.h>
#include <stdint.h>
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "agent.h"
#include "cmd.h"
#include "alerts.h"
#include "cfg.h"
#include "environ.h"
#include "key_bindings.h"
#include "job.h"
#include "log.h"
#include "names.h"
#include "wait_for.h"
#include "options.h"
#include "pane_pipe.h"
#include "server.h"
#include "server_client.h"
#include "udp_listen.h"
#include "cmd/proto.h"
#include "cmd/socket.h"
#include "term/keyname.h"
#include "util/xmalloc.h"

#define MAX_CONNS 64
#define CONN_TIMEOUT 10 /* seconds a connection may take to send its request and read the reply */
#define IDLE_EXIT 10 /* seconds a server started for nothing waits for a session */
#define STARTER_WAIT_MS 1000

struct conn {
	int fd;
	time_t since;
	struct proto_frame in;
	uint8_t *out; /* the reply, once the request ran */
	size_t outlen, outdone;
	/* kill-server's: kept open once replied, closed as the server exits, so that the
	 * command returns when the server is gone. */
	bool held;
	bool waiting; /* its command waits (run-shell): no reply yet, no time limit */
	uint64_t id;  /* names it for the waiting command's reply (conns move in the array) */
};

static struct conn conns[MAX_CONNS];
static size_t nconns;
static uint64_t next_conn_id;
static pid_t *orphans; /* children of closed panes, not yet reaped */
static size_t norphans;
static volatile sig_atomic_t got_term, got_chld;

static void on_term(int sig)
{
	got_term = 1;
}

/* SIGCHLD is blocked but during ppoll, so one never goes unnoticed until the next event. */
static void on_chld(int sig)
{
	got_chld = 1;
}

static void conn_close(size_t i)
{
	close(conns[i].fd);
	proto_frame_free(&conns[i].in);
	free(conns[i].out);
	conns[i] = conns[--nconns];
}

/* A waiting command's reply: to its connection, if its caller still waits. */
static void conn_replied(void *data, struct proto_reply *reply)
{
	uint64_t id = (uint64_t)(uintptr_t)data;
	for (size_t i = 0; i < nconns; i++)
		if (conns[i].id == id && conns[i].waiting) {
			conns[i].waiting = false;
			conns[i].out = proto_reply_encode(reply, &conns[i].outlen);
			break;
		}
	proto_reply_free(reply);
}

/* Runs a complete request; its reply goes out as the socket takes it. */
static bool conn_run(struct conn *c)
{
	struct proto_request req;
	const char *why = proto_request_decode(c->in.body, c->in.len, &req);
	if (why != NULL) {
		log_debug("request refused: %s", why);
		return false;
	}
	struct proto_reply reply;
	bool exiting = server.exiting;
	if (!cmd_execute(&req, &reply, conn_replied, (void *)(uintptr_t)c->id)) {
		c->waiting = true;
		proto_request_free(&req);
		return true;
	}
	c->held = !exiting && server.exiting;
	log_debug("%s: exit %d", req.argv[0], reply.code);
	c->out = proto_reply_encode(&reply, &c->outlen);
	proto_reply_free(&reply);
	proto_request_free(&req);
	return true;
}

/* Moves a connection along; false when it is finished or broken. */
static bool conn_service(struct conn *c)
{
	if (c->out == NULL && !c->waiting) {
		switch (proto_frame_read(&c->in, c->fd, PROTO_MAX_REQUEST)) {
		case PROTO_FRAME_MORE:
			return true;
		case PROTO_FRAME_ERROR:
			return false;
		case PROTO_FRAME_DONE:
			if (!conn_run(c))
				return false;
		}
	}
	if (c->waiting)
		return true;
	while (c->outdone < c->outlen) {
		ssize_t n = send(c->fd, c->out + c->outdone, c->outlen - c->outdone, MSG_NOSIGNAL);
		if (n < 0)
			return errno == EAGAIN || errno == EINTR;
		c->outdone += (size_t)n;
	}
	return c->held;
}

/* Whether the connection is replied to and only held until the exit. */
static bool conn_held(const struct conn *c)
{
	return c->held && c->out != NULL && c->outdone == c->outlen;
}

/*
 * Makes room for a new connection at the limit: the oldest one goes (it is idle, or its
 * peer does not read its reply), so that idle connections never keep a working command
 * waiting. A command's own request has usually arrived when it is accepted (below).
 */
static bool conn_make_room(void)
{
	if (nconns < MAX_CONNS)
		return true;
	size_t oldest = nconns;
	for (size_t i = 0; i < nconns; i++)
		if (!conn_held(&conns[i]) && (oldest == nconns || conns[i].since < conns[oldest].since))
			oldest = i;
	if (oldest == nconns)
		return false;
	log_debug("connection limit: the oldest goes");
	conn_close(oldest);
	return true;
}

/* A connection accepted, not served yet. */
static struct conn *conn_add(int fd)
{
	struct conn *c = &conns[nconns++];
	memset(c, 0, sizeof *c);
	c->fd = fd;
	c->id = ++next_conn_id;
	c->since = time(NULL);
	return c;
}

/*
 * The connection of the rsh that started the server (the first, queued before the
 * server ran: rsh_local.c), whose request waits, as tmux's initial client does, while the
 * start-up file's lines wait (cfg_busy). Others are served meanwhile: a run-shell in that
 * file may run rsh commands.
 */
static uint64_t starter_id;

static bool conn_paused(const struct conn *c)
{
	return c->id == starter_id && cfg_busy();
}

/* Accepts what is waiting, serving each at once: its request has usually arrived. */
static void conn_accept(int listen_fd)
{
	int fd;
	while (conn_make_room() && (fd = socket_accept(listen_fd)) >= 0) {
		if (!conn_service(conn_add(fd)))
			conn_close(nconns - 1);
	}
}

/* Takes the starter's connection before the start-up file runs (it connects as the
 * server starts; at most STARTER_WAIT_MS is waited for it). */
static void accept_starter(int listen_fd)
{
	struct pollfd pfd = {listen_fd, POLLIN, 0};
	int fd;
	if (poll(&pfd, 1, STARTER_WAIT_MS) > 0 && (fd = socket_accept(listen_fd)) >= 0)
		starter_id = conn_add(fd)->id;
}

void server_orphan(pid_t pid)
{
	orphans = xreallocarray(orphans, norphans + 1, sizeof *orphans);
	orphans[norphans++] = pid;
}

static void reap_orphans(void)
{
	for (size_t i = 0; i < norphans;)
		if (waitpid(orphans[i], NULL, WNOHANG) != 0)
			orphans[i] = orphans[--norphans];
		else
			i++;
}

static struct pane *find_dead(void)
{
	for (size_t i = 0; i < server.nsessions; i++) {
		struct session *s = server.sessions[i];
		for (size_t j = 0; j < s->nwindows; j++)
			for (size_t k = 0; k < s->windows[j]->npanes; k++)
				if (s->windows[j]->panes[k]->dead && !s->windows[j]->panes[k]->kept)
					return s->windows[j]->panes[k];
	}
	return NULL;
}

/* Removes the panes whose programs are gone, and with them emptied windows and sessions. */
static void remove_dead(void)
{
	struct pane *p;
	while ((p = find_dead()) != NULL) {
		log_debug("pane %%%u exited", p->id);
		if (!pane_keep(p))
			window_remove_pane(p->window, p);
	}
}

/* After SIGCHLD: which panes' processes are gone (they close once drained, pane_read). */
static void mark_exited(struct pane **panes, size_t npanes)
{
	if (!got_chld)
		return;
	got_chld = 0;
	for (size_t i = 0; i < npanes; i++)
		panes[i]->exited = panes[i]->exited || term_pty_reap(&panes[i]->pty);
}

size_t server_pane_count(void)
{
	size_t n = 0;
	for (size_t i = 0; i < server.nsessions; i++)
		for (size_t j = 0; j < server.sessions[i]->nwindows; j++)
			n += server.sessions[i]->windows[j]->npanes;
	return n;
}

static void list_panes(struct pane **out)
{
	size_t n = 0;
	for (size_t i = 0; i < server.nsessions; i++)
		for (size_t j = 0; j < server.sessions[i]->nwindows; j++)
			for (size_t k = 0; k < server.sessions[i]->windows[j]->npanes; k++)
				out[n++] = server.sessions[i]->windows[j]->panes[k];
}

/* A connection waits to be accepted: a new-session may be on its way. */
static bool pending(int listen_fd)
{
	struct pollfd pfd = {listen_fd, POLLIN, 0};
	return poll(&pfd, 1, 0) > 0;
}

/* Attached clients are told and given their linger time (server_client.h) first. */
/*
 * The server goes when its last session has ended, or when it was started for nothing:
 * no session for IDLE_EXIT seconds. Not merely because a command found no session: the
 * new-session it was started for may be just behind it in the queue.
 */
static bool should_exit(int listen_fd, time_t started, bool had_sessions)
{
	if (got_term || server.exiting)
		clients_end_all("server exited");
	if (got_term)
		return nclients == 0;
	for (size_t i = 0; i < nconns; i++)
		if (!conn_held(&conns[i]) && !(server.exiting && conns[i].waiting))
			return false; /* finish replying first, kill-server's own reply included */
	if (server.exiting)
		return nclients == 0;
	if (!options_get_number(options_server, "exit-empty"))
		return false; /* tmux's exit-empty off: it stays */
	/* exit-unattached: it goes once no client is attached, sessions or not */
	bool unattached = options_get_number(options_server, "exit-unattached") != 0;
	return (server.nsessions == 0 || unattached) && nclients == 0 && !cfg_busy() &&
	       (had_sessions || time(NULL) - started >= IDLE_EXIT) && !pending(listen_fd);
}

static void expire_conns(void)
{
	time_t now = time(NULL);
	for (size_t i = 0; i < nconns;)
		if (conn_paused(&conns[i]))
			conns[i++].since = now; /* its time starts when it may speak */
		else if (now - conns[i].since >= CONN_TIMEOUT && !conn_held(&conns[i]) &&
			 !conns[i].waiting)
			conn_close(i);
		else
			i++;
}

/* The poll's timeout: the transports' next frame, else a second when something waits for
 * time to pass, else none. */
static struct timespec *poll_timeout(struct timespec *ts, int clients_ms)
{
	/* Things that end without an event: connections and orphans timing out, and an exit
	 * waiting for lingering clients, which clients_tick may free before this poll. */
	bool tick = nconns > 0 || norphans > 0 || server.nsessions == 0 || server.exiting ||
		    got_term;
	if (tick && (clients_ms < 0 || clients_ms > 1000))
		clients_ms = 1000;
	if (clients_ms < 0)
		return NULL;
	*ts = (struct timespec){clients_ms / 1000, (long)(clients_ms % 1000) * 1000000};
	return ts;
}

/* One poll and what it found. The clients' views are composed first, from what the last
 * turn changed; then the windows' names are checked (reading /proc: not ahead of an
 * echo on its way), and a name that changed goes in a view as soon as a frame may
 * carry it. */
static void loop_turn(int listen_fd)
{
	int alerts_ms = alerts_tick(); /* before the views, which show the flags */
	int clients_ms = clients_tick();
	bool renamed = false;
	int names_ms = names_tick(&renamed);
	if (renamed)
		clients_ms = clients_tick();
	if (names_ms >= 0 && (clients_ms < 0 || names_ms < clients_ms))
		clients_ms = names_ms;
	if (alerts_ms >= 0 && (clients_ms < 0 || alerts_ms < clients_ms))
		clients_ms = alerts_ms;
	size_t npanes = server_pane_count(), n = 0;
	struct pane **panes = xcalloc(npanes + 1, sizeof *panes);
	size_t nudp = udp_listen_fds(NULL, 0);
	int *udp_fds = xcalloc(nudp + 1, sizeof *udp_fds);
	udp_listen_fds(udp_fds, nudp);
	size_t njobs = job_count(), nfwd = clients_fwd_pollfds(NULL), npipes = pane_pipe_count();
	struct pollfd *fds =
		xcalloc(1 + nconns + npanes + nudp + njobs + npipes + nfwd, sizeof *fds);
	list_panes(panes);
	/* An exiting server takes no more commands: they go to a new one (server_run). */
	fds[n++] = (struct pollfd){listen_fd, server.exiting || got_term ? 0 : POLLIN, 0};
	for (size_t i = 0; i < nconns; i++) {
		short events = conn_held(&conns[i]) || conns[i].waiting || conn_paused(&conns[i]) ? 0
			       : conns[i].out	       ? POLLOUT
						       : POLLIN;
		fds[n++] = (struct pollfd){conns[i].fd, events, 0};
	}
	for (size_t i = 0; i < npanes; i++) {
		short events = POLLIN | (term_pty_queued(&panes[i]->pty) ? POLLOUT : 0);
		fds[n++] = (struct pollfd){panes[i]->pty.fd, events, 0};
	}
	size_t udp = n;
	for (size_t i = 0; i < nudp; i++)
		fds[n++] = (struct pollfd){udp_fds[i], POLLIN, 0};
	size_t job_base = n;
	n += job_poll_fds(fds + n, njobs);
	size_t pipe_base = n;
	n += pane_pipe_poll_fds(fds + n, npipes);
	size_t fwd_base = n;
	n += clients_fwd_pollfds(fds + n);
	struct timespec ts;
	sigset_t unblocked;
	sigemptyset(&unblocked);
	int ready = ppoll(fds, n, poll_timeout(&ts, clients_ms), &unblocked);
	if (ready >= 0) {
		size_t base = 1 + nconns;
		mark_exited(panes, npanes);
		for (size_t i = 0; i < npanes; i++) {
			short re = fds[base + i].revents;
			if (re & POLLOUT)
				term_pty_flush(&panes[i]->pty);
			if (((re & (POLLIN | POLLHUP | POLLERR)) || panes[i]->exited) &&
			    !panes[i]->kept)
				pane_read(panes[i]);
		}
		for (size_t i = 0; i < nudp; i++) {
			if (fds[udp + i].revents & POLLERR)
				clients_refused(udp_fds[i]);
			if (fds[udp + i].revents & POLLIN)
				clients_receive(udp_fds[i]);
		}
		clients_fwd_service(fds + fwd_base, n - fwd_base);
		for (size_t i = nconns; i-- > 0;) {
			if (fds[1 + i].revents == 0)
				continue;
			/* A held, waiting or paused one only hangs up: its command stopped
			 * waiting. */
			if (conn_held(&conns[i]) || conns[i].waiting || conn_paused(&conns[i]) ||
			    !conn_service(&conns[i]))
				conn_close(i);
		}
		if (fds[0].revents & POLLIN) {
			conn_accept(listen_fd);
		}
	}
	if (ready < 0)
		clients_fwd_service(NULL, 0);
	/* Also after EINTR: SIGCHLD may be a job's exit. */
	job_service(fds + job_base, pipe_base - job_base);
	if (ready > 0)
		pane_pipe_service(fds + pipe_base, fwd_base - pipe_base);
	free(fds);
	free(udp_fds);
	free(panes);
	remove_dead();
	reap_orphans();
	expire_conns();
}

/* tmux's default for mode-keys: vi when the server starts with $VISUAL or $EDITOR
 * naming vi (term/keyname.h). */
static void default_mode_keys(void)
{
	char *cause = NULL;
	const struct option_entry *oe = options_find("mode-keys", &cause);
	if (oe != NULL && keyname_mode_keys_vi(getenv("VISUAL"), getenv("EDITOR")))
		options_set(options_global_window, oe, "vi", false, &cause);
	free(cause);
}

int server_run(int listen_fd, const char *path, const char *config)
{
	server.socket_path = path;
	agent_init(path);
	/* Whatever the caller left: panes' children must stay waitable, SIGTERM deliverable. */
	struct sigaction sa = {0};
	sigset_t chld;
	sigemptyset(&chld);
	sigaddset(&chld, SIGCHLD);
	sigprocmask(SIG_SETMASK, &chld, NULL);
	sa.sa_handler = on_chld;
	sigaction(SIGCHLD, &sa, NULL);
	sa.sa_handler = SIG_IGN;
	sigaction(SIGPIPE, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);
	sa.sa_handler = on_term;
	sigaction(SIGTERM, &sa, NULL);
	time_t started = time(NULL);
	bool had_sessions = false;
	options_init();
	environ_init_global();
	default_mode_keys(); /* before the config file, which may set it */
	accept_starter(listen_fd);
	cfg_load_startup(config);
	log_debug("server started");
	bool unlinked = false;
	while (!should_exit(listen_fd, started, had_sessions)) {
		loop_turn(listen_fd);
		had_sessions |= server.nsessions > 0;
		/* Told to go, it takes no command while attached clients linger (seconds):
		 * from now on a command finds no server, and new-session starts a fresh one
		 * beside this. */
		if ((server.exiting || got_term) && !unlinked) {
			unlink(path);
			unlinked = true;
		}
	}
	log_debug("server exiting");
	if (!unlinked)
		unlink(path); /* from now on a client finds no server and may start one */
	clients_free();
	key_bindings_free();
	job_free_all();
	wait_for_free_all();
	while (server.nsessions > 0)
		session_destroy(server.sessions[0]);
	free(server.sessions);
	environ_free(&environ_global);
	reap_orphans();
	free(orphans);
	/* Last: kill-server's command returns as its connection closes. */
	while (nconns > 0)
		conn_close(0);
	close(listen_fd);
	return 0;
}
