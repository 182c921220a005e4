/*
 * The ssh path: when UDP does not get through, the client's datagrams go over an ssh kept
 * open, whose stdin and stdout carry them framed (net/dgram_stream.h) to and from the
 * host's relay (`rsh bootstrap --stdio` or `--relay PORT`, net/relay.h). The datagrams are
 * the very ones UDP would carry: sealed, numbered, authenticated by the connection.
 *
 * When ssh ends (a network change broke its TCP, someone killed it), the path runs ssh
 * again by itself, now `bootstrap --relay PORT` for the connection it has, with BatchMode
 * (keys or an agent; never a prompt behind the client's screen), after a delay that grows
 * with each failure: the client's connection, its key and its state go on.
 *
 * What comes from ssh is untrusted: text before the relay's line is dropped (bounded),
 * a broken frame ends that ssh (and a new one is started), and sending never blocks: a
 * frame that does not fit in the bounded queue is a lost datagram.
 */
#ifndef RSH_CLIENT_SSHPATH_H
#define RSH_CLIENT_SSHPATH_H

#include <poll.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "ssh_bootstrap.h"

#define SSHPATH_POLLFDS 3
#define SSHPATH_RETRY_MS 1000     /* first delay before ssh runs again */
#define SSHPATH_RETRY_MAX_MS 16000

typedef struct sshpath sshpath;

/*
 * Runs ssh to start `bootstrap --stdio` on the host, with the user's terminal for its
 * prompts, and waits for the connect line. Returns the path with *c filled in, or NULL
 * with an allocated one-line reason in *why (as ssh_bootstrap_run's). b's strings must
 * outlive the path.
 */
sshpath *sshpath_open(const struct ssh_bootstrap *b, struct net_connect *c, char **why);
/* Ends ssh (closing its input ends the relay) and frees the path. */
void sshpath_free(sshpath *p);

/* Whether the relay is there: frames flow. */
bool sshpath_up(const sshpath *p);
/* For the status row: "ssh" while the relay is there, else "ssh down" with why the last
 * ssh ended, e.g. "ssh down (Connection refused)" (the tail of its last line on stderr,
 * escaped: the host's words are untrusted). */
const char *sshpath_state(const sshpath *p);
/* Queues one datagram for the relay; dropped when the path is down or the queue full. */
void sshpath_send(sshpath *p, const uint8_t *dgram, size_t len);
/* Ends the current ssh (it stalled: "ssh down (stalled)" until the next is up) and starts
 * another after the delay. Ending an ssh never waits long on it: one that is still there
 * half a second after SIGTERM (stopped, stuck) is killed. */
void sshpath_restart(sshpath *p, uint64_t now_ms);

/* Fills pfd (room for SSHPATH_POLLFDS) with the descriptors to poll; returns how many. */
unsigned sshpath_pollfds(const sshpath *p, struct pollfd *pfd);
/*
 * After poll: writes what is queued, reads ssh's output, and calls got(arg, dgram, len)
 * for each datagram from the relay; notices ssh's end. Starts ssh again when it is due.
 */
void sshpath_io(sshpath *p, const struct pollfd *pfd, unsigned n, uint64_t now_ms,
		void (*got)(void *arg, const uint8_t *dgram, size_t len), void *arg);
/* The ms until ssh is due to run again, or -1. */
int sshpath_timeout_ms(const sshpath *p, uint64_t now_ms);

#endif
