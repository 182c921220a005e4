/*
 * The agent socket (rsh -A): one Unix socket per server, beside its control socket
 * (SOCKET.agent, mode 0600, in the user's 0700 directory), that every pane gets as
 * SSH_AUTH_SOCK. A connection to it is carried over a channel to the agent of the most
 * recently active attached client that offers one (its agent-listen channel,
 * net/forward.h). The server listens only while such a client is attached: with none, the
 * socket is not there and a program finds no agent, as with no agent at all.
 */
#ifndef RSH_SERVER_AGENT_H
#define RSH_SERVER_AGENT_H

#include <poll.h>
#include <stddef.h>

/* The socket's path for the control socket at socket_path (NULL: none). */
void agent_init(const char *socket_path);
/* What panes get as SSH_AUTH_SOCK, or NULL. */
const char *agent_path(void);
/* With p NULL (first in each turn): listens or stops as the attached clients' offers say,
 * and counts the listening socket; else fills p with it. Returns 0 or 1. */
size_t agent_pollfds(struct pollfd *p);
/* Carries the connections waiting (p, n as agent_pollfds filled them) to the agent. */
void agent_service(const struct pollfd *p, size_t n);
/* Stops listening and removes the socket (the server's exit). */
void agent_close(void);

#endif
