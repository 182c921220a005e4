/*
 * The server on this host, through its control socket: starting it, sending a command,
 * printing the reply or attaching to the connection it gives.
 */
#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <unistd.h>

#include "rsh.h"
#include "cmd/args.h"
#include "cmd/cause.h"
#include "cmd/parse.h"
#include "cmd/proto.h"
#include "cmd/socket.h"
#include "server/log.h"    /* the daemon's start: its log, */
#include "server/server.h" /* and its loop, server_run */
#include "client/client.h"
#include "client/utf8_locale.h"
#include "net/token.h"
#include "util/printable.h"
#include "util/xmalloc.h"

/* How long a command waits for the server's answer, in seconds; RSH_REPLY_TIMEOUT changes
 * it (tests, very slow machines). */
#define REPLY_TIMEOUT_S 30

static long reply_timeout(void)
{
	const char *s = getenv("RSH_REPLY_TIMEOUT");
	long t = s != NULL ? strtol(s, NULL, 10) : 0;
	return t > 0 ? t : REPLY_TIMEOUT_S;
}

/*
 * In the server's process: leaves the terminal and its session for good, and keeps no
 * descriptor of the caller's (a make job server's pipe, a test's log) but the socket.
 */
static void daemonize(const char *path, int keep)
{
	close_range(STDERR_FILENO + 1, (unsigned)keep - 1, 0);
	close_range((unsigned)keep + 1, ~0u, 0);
	if (setsid() < 0)
		_exit(1);
	if (fork() != 0)
		_exit(0); /* the grandchild can never reacquire a terminal */
	if (chdir("/") != 0)
		_exit(1);
	int null = open("/dev/null", O_RDWR);
	if (null < 0)
		_exit(1);
	dup2(null, STDIN_FILENO);
	dup2(null, STDOUT_FILENO);
	dup2(null, STDERR_FILENO);
	if (null > STDERR_FILENO)
		close(null);
	char *copy = xstrdup(path);
	log_open(dirname(copy));
	free(copy);
}

/*
 * Binds the socket here, so that our connection queues on it before the server runs,
 * then forks the server. Returns a connection, or -1 with errno.
 */
static int start_server(const char *path, const char *config)
{
	int fd = socket_listen(path);
	if (fd < 0)
		return errno == EADDRINUSE ? socket_connect(path) : -1; /* another rsh won */
	pid_t pid = fork();
	if (pid < 0)
		return -1;
	if (pid == 0) {
		daemonize(path, fd);
		int status = server_run(fd, path, config);
		log_close();
		exit(status);
	}
	close(fd);
	waitpid(pid, NULL, 0);
	return socket_connect(path);
}

static bool send_all(int fd, const uint8_t *p, size_t len)
{
	while (len > 0) {
		ssize_t n = send(fd, p, len, MSG_NOSIGNAL);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return false;
		p += n;
		len -= (size_t)n;
	}
	return true;
}

static char *inside_socket(void);

/* One command's way to the server, and what becomes of an attach's reply. */
struct local {
	const struct rsh_options *o;
	char *path;           /* the control socket */
	char *config;         /* -f made absolute (the server lives in "/"), or NULL */
	const char *udp_host; /* the request's udp element, or NULL */
	bool connect_only;    /* rsh bootstrap: the connect line printed, no terminal */
	struct net_connect *connected; /* with connect_only: the line printed, parsed */
};

/* Waits (within the socket's receive timeout) for the server to close the connection: at
 * once after most replies; kill-server's when the server is gone, so that a command run
 * next finds no server and starts a new one rather than talking to the dying one. */
static void wait_closed(int fd)
{
	char byte;
	while (recv(fd, &byte, 1, 0) > 0)
		continue;
}

/* Typed in a pane of the server at path: that pane (RSH_PANE), so targets mean it. */
static void here_pane(const char *path, struct proto_request *req)
{
	char *inside = inside_socket();
	const char *pane = getenv("RSH_PANE");
	char *end;
	if (inside != NULL && strcmp(inside, path) == 0 && pane != NULL && pane[0] == '%' &&
	    pane[1] >= '0' && pane[1] <= '9') {
		unsigned long id = strtoul(pane + 1, &end, 10);
		if (*end == '\0' && id <= UINT32_MAX) {
			req->has_pane = true;
			req->pane = (uint32_t)id;
		}
	}
	free(inside);
}

/* Sends the words; the reply in *reply. Returns 0, or 1 having said what went wrong. */
static int request(const struct local *l, int fd, int argc, char **argv,
		   struct proto_reply *reply)
{
	struct proto_request req = {.argc = argc, .argv = argv};
	char cwd[4096];
	req.cwd = getcwd(cwd, sizeof cwd) != NULL ? cwd : "";
	struct winsize ws;
	if (isatty(STDIN_FILENO) && ioctl(STDIN_FILENO, TIOCGWINSZ, &ws) == 0) {
		req.cols = ws.ws_col <= PROTO_MAX_SIZE ? ws.ws_col : 0;
		req.rows = ws.ws_row <= PROTO_MAX_SIZE ? ws.ws_row : 0;
	}
	here_pane(l->path, &req);
	/* Our environment, for update-environment (as tmux's client sends its own). */
	char *envv[PROTO_MAX_ENV];
	for (char **e = environ; *e != NULL && req.envc < PROTO_MAX_ENV; e++)
		if ((*e)[0] != '=' && strchr(*e, '=') != NULL)
			envv[req.envc++] = *e;
	req.envv = envv;
	req.has_env = true;
	if (l->udp_host != NULL) {
		req.udp_host = (char *)l->udp_host;
		req.udp_low = l->o->port_low;
		req.udp_high = l->o->port_high;
	}
	size_t len;
	uint8_t *msg = proto_request_encode(&req, &len);
	bool sent = len <= PROTO_HEADER + PROTO_MAX_REQUEST && send_all(fd, msg, len);
	free(msg);
	if (!sent) {
		fprintf(stderr, "rsh: command too long or server gone\n");
		return 1;
	}
	/* Every command is answered at once; a server that does not is stuck, and waiting
	 * for ever would hide that. */
	struct timeval wait = {reply_timeout(), 0};
	setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &wait, sizeof wait);
	struct proto_frame frame = {0};
	const char *why = "lost the server";
	switch (proto_frame_read(&frame, fd, PROTO_MAX_REPLY)) {
	case PROTO_FRAME_DONE:
		why = proto_reply_decode(frame.body, frame.len, reply);
		wait_closed(fd);
		break;
	case PROTO_FRAME_MORE:
		fprintf(stderr, "rsh: no reply from the server in %ld s (stuck?)\n",
			(long)wait.tv_sec);
		proto_frame_free(&frame);
		return 1;
	case PROTO_FRAME_ERROR:
		break;
	}
	proto_frame_free(&frame);
	if (why != NULL) {
		fprintf(stderr, "rsh: bad reply from the server: %s\n", why);
		return 1;
	}
	return 0;
}

/* An attach command's reply: the connect line, then the client on this terminal. */
static int attach(const struct local *l, const struct proto_reply *reply)
{
	struct client_options o = {
		.host = l->udp_host != NULL ? l->udp_host : "127.0.0.1",
		.family = l->o->family != AF_UNSPEC ? l->o->family : AF_INET,
		.predict = l->o->predict,
		.local = l->udp_host == NULL,
		.fwd = &l->o->fwd,
	};
	const char *why = net_connect_parse(reply->out, reply->outlen, &o.connect);

	if (why != NULL) {
		fprintf(stderr, "rsh: bad reply from the server: %s\n", why);
		return 1;
	}
	return client_run(&o);
}

/* Prints the reply, or attaches when the command did; frees it; returns the exit status. */
static int finish(const struct local *l, struct proto_reply *reply, bool attaches)
{
	int code;
	if (attaches && !l->connect_only && reply->code == 0) {
		code = attach(l, reply);
	} else {
		if (attaches && reply->code == 0 && l->connected != NULL &&
		    net_connect_parse(reply->out, reply->outlen, l->connected) != NULL) {
			fprintf(stderr, "rsh: bad reply from the server: no connect line\n");
			reply->code = 1;
		}
		fwrite(reply->out, 1, reply->outlen, stdout);
		/* A message names what the user typed, or what a server says: escaped. */
		char *err = printable_copy(reply->err, reply->errlen, "\n\t");
		fputs(err, stderr);
		free(err);
		code = reply->code;
	}
	proto_reply_free(reply);
	return code;
}

/* One command of the line: checked, and what it does to the server and the terminal. */
static bool check_one(int argc, char **argv, bool *creates, bool *attaches)
{
	struct args a;
	char *cause;
	if (args_parse_command(argc, argv, &a, &cause) != 0) {
		char *line = cause_line(cause);
		fprintf(stderr, "%s\n", line);
		free(line);
		free(cause);
		return false;
	}
	bool creating = strcmp(a.cmd->name, "new-session") == 0;
	*creates |= creating || strcmp(a.cmd->name, "start-server") == 0;
	*attaches |= strcmp(a.cmd->name, "attach-session") == 0 ||
		     (creating && !args_has(&a, 'd'));
	args_free(&a);
	return true;
}

bool rsh_command_check(int argc, char **argv, bool *creates, bool *attaches)
{
	struct cmd_parse_list list;
	bool ok = true;
	*creates = *attaches = false;
	cmd_parse_words(argc, argv, &list);
	for (size_t i = 0; i < list.n && ok; i++)
		ok = check_one(list.items[i].argc, list.items[i].argv, creates, attaches);
	if (list.n == 0) {
		fprintf(stderr, "rsh: no command\n");
		ok = false;
	}
	cmd_parse_list_free(&list);
	return ok;
}

/* The command's shape is checked here first: a bad line needs no server, and a command
 * that attaches here needs a terminal and a UTF-8 locale to draw with. */
static bool check_command(const struct local *l, int argc, char **argv, bool *creates,
			  bool *attaches)
{
	if (!rsh_command_check(argc, argv, creates, attaches) ||
	    (!l->connect_only && !rsh_forwards_check(l->o, *attaches)))
		return false;
	const char *rsh = getenv("RSH");
	if (*attaches && !l->connect_only && rsh != NULL && *rsh != '\0') {
		fprintf(stderr, "rsh: sessions should be nested with care, unset $RSH to force\n");
		return false;
	}
	if (*attaches && !l->connect_only && !isatty(STDIN_FILENO)) {
		fprintf(stderr, "rsh: open terminal failed: not a terminal\n");
		return false;
	}
	return !*attaches || l->connect_only || utf8_locale_init(stderr);
}

/* Inside a pane, with neither -L nor -S: the socket of the server the pane is in (its
 * RSH, "socket,pid,session", as tmux reads TMUX). Allocated, or NULL. */
static char *inside_socket(void)
{
	const char *rsh = getenv("RSH");
	const char *comma = rsh != NULL ? strchr(rsh, ',') : NULL;
	return comma != NULL && comma != rsh && rsh[0] == '/' ? xstrndup(rsh, (size_t)(comma - rsh))
							      : NULL;
}

static char *socket_path(const char *label, const char *path)
{
	char *error = NULL, *out = NULL, cwd[4096];
	char *inside = label == NULL && path == NULL ? inside_socket() : NULL;
	if (inside != NULL) {
		out = inside;
		error = socket_check_dir(out);
	} else if (path == NULL) {
		out = socket_default_path(label != NULL ? label : "default", &error);
	} else {
		if (path[0] != '/' && getcwd(cwd, sizeof cwd) != NULL)
			xasprintf(&out, "%s/%s", cwd, path); /* the server lives in "/" */
		else
			out = xstrdup(path);
		error = socket_check_dir(out);
	}
	if (error != NULL) {
		fprintf(stderr, "%s\n", error);
		free(error);
		free(out);
		out = NULL;
	}
	return out;
}

/* Connects to the server, starting it when allowed and there is none; -1 said why. */
static int connect_server(const struct local *l, bool starts_server)
{
	const char *path = l->path;
	int fd = socket_connect(path);
	if (fd < 0 && starts_server && (errno == ENOENT || errno == ECONNREFUSED)) {
		if (errno == ECONNREFUSED)
			unlink(path); /* a dead server's socket */
		fd = start_server(path, l->config);
	}
	if (fd < 0) {
		if (errno == ENOENT || errno == ECONNREFUSED)
			fprintf(stderr, "rsh: no server running on %s\n", path);
		else
			fprintf(stderr, "rsh: %s: %s\n", path, strerror(errno));
	}
	return fd;
}

/* One command: checked, sent, its reply printed or attached to. */
static int run_command(const struct local *l, int argc, char **argv)
{
	bool creates, attaches;
	if (!check_command(l, argc, argv, &creates, &attaches))
		return 1;
	int fd = connect_server(l, creates);
	if (fd < 0)
		return 1;
	struct proto_reply reply;
	int code = request(l, fd, argc, argv, &reply);
	close(fd);
	return code != 0 ? code : finish(l, &reply, attaches);
}

/* rsh alone, as tmux: attaches to the most recent session, or creates one. */
static int run_alone(const struct local *l)
{
	static char *attach_words[] = {"attach-session", NULL};
	static char *new_words[] = {"new-session", NULL};
	bool creates, attaches;
	if (!check_command(l, 1, attach_words, &creates, &attaches))
		return 1;
	int fd = socket_connect(l->path);
	if (fd < 0)
		return run_command(l, 1, new_words);
	struct proto_reply reply;
	int code = request(l, fd, 1, attach_words, &reply);
	close(fd);
	if (code != 0)
		return code;
	if (reply.code != 0 && memmem(reply.err, reply.errlen, "no sessions", 11) != NULL) {
		proto_reply_free(&reply);
		return run_command(l, 1, new_words);
	}
	return finish(l, &reply, true);
}

int rsh_local_run(const struct rsh_options *o, const char *udp_host, bool connect_only,
		  struct net_connect *connected, int argc, char **argv)
{
	struct local l = {o, socket_path(o->label, o->socket), NULL, udp_host, connect_only,
			  connected};
	if (l.path == NULL)
		return 1;
	char cwd[4096];
	if (o->config != NULL && o->config[0] != '/' && getcwd(cwd, sizeof cwd) != NULL)
		xasprintf(&l.config, "%s/%s", cwd, o->config);
	else if (o->config != NULL)
		l.config = xstrdup(o->config);
	int code = argc == 0 ? run_alone(&l) : run_command(&l, argc, argv);
	free(l.config);
	free(l.path);
	return code;
}
