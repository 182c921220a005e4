/*
 * The forwarding tests' far end: a TCP echo server of the test's own on 127.0.0.1 and the
 * bytes the test's connections send through it. Builds on attach_harness.h; every failure
 * ends the test.
 */
#ifndef RSH_TESTS_TCP_ECHO_H
#define RSH_TESTS_TCP_ECHO_H

#include <stddef.h>
#include <sys/types.h>

#include "attach_harness.h"

/* A socket listening on 127.0.0.1 at a port the system picked, *port. */
int tcp_listen_any(unsigned *port);
/* A port nothing listens on now (bound, read back, closed): for rsh to listen on. */
unsigned tcp_free_port(void);
/* Forks the echo server on lfd (closed here): every connection gets its bytes back, then
 * its end. Returns its pid. */
pid_t tcp_echo_server(int lfd);
/* Byte i of connection c's stream: distinct streams, no short period. */
unsigned char tcp_pattern_byte(unsigned c, size_t i);
/* A non-blocking connection to 127.0.0.1:port, retried (pumping c) while nothing listens
 * there yet, at most HARNESS_TIMEOUT_MS. */
int tcp_connect_retry(harness_client *c, unsigned port);

#endif
