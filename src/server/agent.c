/* The agent socket: listening while a client offers its agent, connections carried to it. */
#include "agent.h"

#include <errno.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include "log.h"
#include "server_client.h"
#include "util/xmalloc.h"

static char *path;
static int listen_fd = -1;

void agent_init(const char *socket_path)
{
	free(path);
	path = NULL;
	if (socket_path != NULL &&
	    strlen(socket_path) + 7 <= sizeof ((struct sockaddr_un *)0)->sun_path)
		xasprintf(&path, "%s.agent", socket_path);
}

const char *agent_path(void)
{
	return path;
}

/* The client whose agent a new connection reaches: the most recently active offering. */
static struct client *agent_client(void)
{
	struct client *best = NULL;
	for (size_t i = 0; i < nclients; i++) {
		struct client *c = clients[i];
		if (c->ended == NULL && fwd_agent_offered(c->fwd) &&
		    (best == NULL || c->active_ms >= best->active_ms))
			best = c;
	}
	return best;
}

static void start_listening(void)
{
	struct sockaddr_un sun = {.sun_family = AF_UNIX};
	strcpy(sun.sun_path, path);
	unlink(path); /* a socket a server before this one left */
	int fd = socket(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
	/* 0600 from the start: no moment when another user could connect. */
	mode_t old = umask(0177);
	int ok = fd >= 0 && bind(fd, (struct sockaddr *)&sun, sizeof sun) == 0 &&
		 listen(fd, 16) == 0;
	umask(old);
	if (!ok) {
		log_debug("agent socket %s: %s", path, strerror(errno));
		if (fd >= 0)
			close(fd);
		return;
	}
	listen_fd = fd;
}

void agent_close(void)
{
	if (listen_fd < 0)
		return;
	close(listen_fd);
	listen_fd = -1;
	unlink(path);
}

size_t agent_pollfds(struct pollfd *p)
{
	if (p == NULL) { /* the count, first in each turn: listen as the offers say */
		bool wanted = path != NULL && agent_client() != NULL;
		if (wanted && listen_fd < 0)
			start_listening();
		else if (!wanted)
			agent_close();
	} else if (listen_fd >= 0) {
		p[0] = (struct pollfd){listen_fd, POLLIN, 0};
	}
	return listen_fd >= 0;
}

void agent_service(const struct pollfd *p, size_t n)
{
	if (n == 0 || listen_fd < 0 || !(p[0].revents & POLLIN))
		return;
	for (int k = 0; k < 16; k++) {
		int fd = accept4(listen_fd, NULL, NULL, SOCK_NONBLOCK | SOCK_CLOEXEC);
		if (fd < 0)
			return;
		struct client *c = agent_client();
		struct fwd_what w = {.kind = FWD_AGENT};
		if (c != NULL)
			fwd_carry(c->fwd, fd, &w); /* which closes it when it cannot */
		else
			close(fd);
	}
}
