/*
 * rsh: the command line. Checks the command, finds (or for new-session starts) the
 * server behind the control socket, sends the words and prints the reply.
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

#include "server/args.h"
#include "server/cmd.h"
#include "server/log.h"
#include "server/proto.h"
#include "server/server.h"
#include "server/socket.h"
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

#define USAGE "usage: rsh [-L socket-name | -S socket-path] command [flags] [arguments]"
#define ATTACH_ERROR "rsh: " CMD_ATTACH_ERROR

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
static int start_server(const char *path)
{
	int fd = socket_listen(path);
	if (fd < 0)
		return errno == EADDRINUSE ? socket_connect(path) : -1; /* another rsh won */
	pid_t pid = fork();
	if (pid < 0)
		return -1;
	if (pid == 0) {
		daemonize(path, fd);
		int status = server_run(fd, path);
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

/* Sends the words and prints the reply; returns the exit status. */
static int run(int fd, int argc, char **argv)
{
	struct proto_request req = {argc, argv, NULL, 0, 0};
	char cwd[4096];
	req.cwd = getcwd(cwd, sizeof cwd) != NULL ? cwd : "";
	struct winsize ws;
	if (isatty(STDIN_FILENO) && ioctl(STDIN_FILENO, TIOCGWINSZ, &ws) == 0) {
		req.cols = ws.ws_col <= PROTO_MAX_SIZE ? ws.ws_col : 0;
		req.rows = ws.ws_row <= PROTO_MAX_SIZE ? ws.ws_row : 0;
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
	struct proto_reply reply;
	const char *why = "lost the server";
	switch (proto_frame_read(&frame, fd, PROTO_MAX_REPLY)) {
	case PROTO_FRAME_DONE:
		why = proto_reply_decode(frame.body, frame.len, &reply);
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
	fwrite(reply.out, 1, reply.outlen, stdout);
	fwrite(reply.err, 1, reply.errlen, stderr);
	int code = reply.code;
	proto_reply_free(&reply);
	return code;
}

/* The command's shape is checked here first: a bad line needs no server. */
static bool check_command(int argc, char **argv, bool *starts_server)
{
	struct args a;
	char *error = args_parse(argc, argv, &a);
	bool ok = error == NULL;
	if (error != NULL) {
		fprintf(stderr, "%s\n", error);
		free(error);
	} else if (strcmp(a.cmd->name, "attach-session") == 0 ||
		   (strcmp(a.cmd->name, "new-session") == 0 && !args_has(&a, 'd'))) {
		fprintf(stderr, "%s\n", ATTACH_ERROR);
		ok = false;
	}
	*starts_server = ok && strcmp(a.cmd->name, "new-session") == 0;
	args_free(&a);
	return ok;
}

static char *socket_path(const char *label, const char *path)
{
	char *error = NULL, *out = NULL, cwd[4096];
	if (path == NULL) {
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

int main(int argc, char **argv)
{
	const char *label = NULL, *path_arg = NULL;
	int c;
	while ((c = getopt(argc, argv, "+L:S:h")) != -1) {
		switch (c) {
		case 'L':
			label = optarg;
			break;
		case 'S':
			path_arg = optarg;
			break;
		default:
			fprintf(stderr, "%s\n", USAGE);
			return c == 'h' ? 0 : 1;
		}
	}
	argc -= optind;
	argv += optind;
	if (argc == 0) {
		fprintf(stderr, "%s\n", ATTACH_ERROR); /* rsh alone attaches, as tmux */
		return 1;
	}
	bool starts_server;
	if (!check_command(argc, argv, &starts_server))
		return 1;
	char *path = socket_path(label, path_arg);
	if (path == NULL)
		return 1;
	int fd = socket_connect(path);
	if (fd < 0 && starts_server && (errno == ENOENT || errno == ECONNREFUSED)) {
		if (errno == ECONNREFUSED)
			unlink(path); /* a dead server's socket */
		fd = start_server(path);
	}
	if (fd < 0) {
		if (errno == ENOENT || errno == ECONNREFUSED)
			fprintf(stderr, "rsh: no server running on %s\n", path);
		else
			fprintf(stderr, "rsh: %s: %s\n", path, strerror(errno));
		free(path);
		return 1;
	}
	free(path);
	int code = run(fd, argc, argv);
	close(fd);
	return code;
}
