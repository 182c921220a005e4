/*
 * Datagrams held back and sent together: one sendmmsg for many, where each sendto is a
 * system call of its own. A server with many clients sends a frame to each in one turn
 * (100 watchers of a scrolling pane: over 2000 datagrams a second); batching them spares
 * the calls' fixed cost, which on a machine with the kernel's speculation mitigations is
 * a large part of sending a small datagram.
 *
 * One queue per process, off until sendq_hold. While it holds, sendq_push copies the
 * datagram and its destination (nothing of the caller's is kept, so a connection may go
 * away before the flush); sendq_flush sends everything in the order pushed and stops
 * holding. A datagram the kernel refuses at the flush is lost as one sendto refused would
 * be (the protocol above resends what matters); sendq_refused counts them. The queue
 * flushes by itself when full, so it never holds more than SENDQ_MAX datagrams.
 */
#ifndef RSH_NET_SENDQ_H
#define RSH_NET_SENDQ_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/socket.h>

#define SENDQ_MAX 256

/* Holds datagrams from now until sendq_flush. */
void sendq_hold(void);
/* Whether sendq_push may be used (sendq_hold was called and not yet flushed). */
bool sendq_holding(void);
/* Queues len bytes (at most NET_DGRAM_MAX) for to over fd; false when len is too long. */
bool sendq_push(int fd, const struct sockaddr *to, socklen_t tolen, const uint8_t *dgram,
		size_t len);
/* Sends what is queued and stops holding. */
void sendq_flush(void);
/* Datagrams the kernel refused at a flush, since the process started. */
uint64_t sendq_refused(void);

#endif
