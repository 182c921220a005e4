/*
 * The remote tests' host: a private sshd on loopback (tests/sshd.sh) in the harness's
 * directory, stopped at exit, and the options that make `rsh` reach it with the harness's
 * own server as the host's. Call after harness_init. Exits 77 (skip) without an sshd.
 */
#ifndef RSH_TESTS_SSH_HARNESS_H
#define RSH_TESTS_SSH_HARNESS_H

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

#endif
