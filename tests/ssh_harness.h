/*
 * The remote tests' host: a private sshd on loopback (tests/sshd.sh) in the harness's
 * directory, stopped at exit, and the options that make `rsh` reach it with the harness's
 * own server as the host's. Call after harness_init. Exits 77 (skip) without an sshd.
 */
#ifndef RSH_TESTS_SSH_HARNESS_H
#define RSH_TESTS_SSH_HARNESS_H

#include <sys/types.h>

#include "attach_harness.h"

struct ssh_harness {
	char *dir;        /* the sshd's directory: DIR/ssh reaches it */
	char *rsh;        /* the rsh binary, absolute */
	char *ssh_opt;    /* --ssh=DIR/ssh */
	char *server_opt; /* --server=RSH -S SOCKET */
	char *dest;       /* USER@127.0.0.1 */
	const char *user;
};

void ssh_harness_start(struct ssh_harness *h);
/* Stops the sshd listening (sessions it started go on): no new ssh login gets in. */
void ssh_harness_stop(void);
void ssh_harness_free(struct ssh_harness *h);

/* The first free UDP port of lo..hi on 127.0.0.1 (free when this returns): a test's own
 * range for the server's port, which the proxy and port_map.sh must know before. */
unsigned ssh_harness_udp_port(unsigned lo, unsigned hi);
/* The pid of parent's child named comm (as /proc says), or 0. */
pid_t ssh_harness_child(pid_t parent, const char *comm);
/* Waits for the status row's link state to name the path ("ssh", "udp"). */
void ssh_harness_wait_path(harness_client *c, const char *path);

#endif
