/*
 * A plain shell (/bin/sh, prompt "$ ") on a server reached over UDP through tests/udpproxy,
 * its client running in a pty of the attach harness: Debian's mosh (mosh-server new,
 * mosh-client) or rsh (rsh bootstrap, rsh client), so both are measured the same way.
 * The local kinds are a session made and attached on this machine, no proxy between:
 * `rsh new` (over loopback UDP, as a user runs it) and `tmux new` (its socket); they take
 * no link. The ssh kinds go through a private sshd on loopback (tests/sshd.sh), no proxy
 * either: plain `ssh -tt`, and rsh attached by that ssh with --transport=ssh (its
 * datagrams over that ssh) or --transport=udp, prediction off for both, so that the path
 * is what is measured.
 */
#ifndef RSH_BENCH_REMOTE_SHELL_H
#define RSH_BENCH_REMOTE_SHELL_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

#include "../tests/attach_harness.h"
#include "../tests/udpproxy_run.h"

/* The clients, with their prediction: mosh's and rsh's default (adaptive), always, never;
 * then the local ones (rsh's default prediction). */
enum remote_kind {
	REMOTE_MOSH, REMOTE_RSH, REMOTE_RSH_ALWAYS, REMOTE_MOSH_NEVER, REMOTE_RSH_NEVER,
	REMOTE_RSH_LOCAL, REMOTE_TMUX, REMOTE_SSH, REMOTE_RSH_SSH, REMOTE_RSH_UDP,
};
#define REMOTE_KINDS 10

/* The link: round trip (half of it each way) and loss each way, from a seed. */
struct remote_link {
	unsigned rtt_ms, loss_pct;
	unsigned long seed;
};

struct remote_shell {
	enum remote_kind kind;
	harness_client *client;
	struct udpproxy proxy;
	pid_t mosh_server; /* mosh: the detached server */
	char *socket;      /* rsh: its own server's socket; tmux: its -L name */
};

/* "mosh", "rsh" (adaptive prediction), "rsh-always", "mosh-never", "rsh-never", "rsh-local",
 * "tmux", "ssh", "rsh-ssh" or "rsh-udp". */
const char *remote_kind_name(enum remote_kind kind);
/* Whether the kind's programs are here; else why not, in *why. */
bool remote_kind_available(enum remote_kind kind, const char **why);

/*
 * Sets a benchmark up from its argv[0] (bench/NAME in the build tree): the proxy's path into
 * proxy (tests/udpproxy), $RSH to the build's rsh unless set, the harness started, no debug
 * log; the kinds in use (REMOTE_KINDS entries) whose programs are missing are dropped,
 * saying so on stdout. False (having said so) when the proxy is not built: nothing to
 * measure.
 */
bool remote_shell_init(const char *argv0, char *proxy, size_t size, bool *use);

/* Whether the kind is a local session, which ignores the link. */
bool remote_kind_local(enum remote_kind kind);
/* Sets use[kind] (REMOTE_KINDS entries, cleared first) for each kind named in the comma-
 * separated list (changed by strtok); false for an unknown name, or a local kind unless
 * local. */
bool remote_kinds_parse(char *list, bool local, bool *use);

/*
 * Starts the server, the proxy (the program at proxy_path; none for a local kind) and the
 * client in a cols x rows pty; false (having said why on stderr) when a part does not start. Call
 * harness_init first; the rsh binary is harness_rsh_path().
 */
bool remote_shell_start(struct remote_shell *s, enum remote_kind kind, const char *proxy_path,
			const struct remote_link *link, unsigned cols, unsigned rows);
/* Kills the client, stops the proxy and the server. */
void remote_shell_stop(struct remote_shell *s);

#endif
