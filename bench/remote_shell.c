/* A shell behind the impairment proxy, reached by mosh or rsh: see remote_shell.h. */
#include "remote_shell.h"

#include <arpa/inet.h>
#include <libgen.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "util/xmalloc.h"
#include "../tests/ssh_harness.h"

static const char *const kind_names[REMOTE_KINDS] = {
	"mosh", "rsh", "rsh-always", "mosh-never", "rsh-never", "rsh-local", "tmux",
	"ssh", "rsh-ssh", "rsh-udp",
};

static bool is_mosh(enum remote_kind kind)
{
	return kind == REMOTE_MOSH || kind == REMOTE_MOSH_NEVER;
}

/* Through the private sshd. */
static bool by_ssh(enum remote_kind kind)
{
	return kind == REMOTE_SSH || kind == REMOTE_RSH_SSH || kind == REMOTE_RSH_UDP;
}

bool remote_shell_init(const char *argv0, char *proxy, size_t size, bool *use)
{
	char self[PATH_MAX], rsh[PATH_MAX + 32];
	snprintf(self, sizeof self, "%s", argv0);
	const char *dir = dirname(self);
	snprintf(proxy, size, "%s/../tests/udpproxy", dir);
	snprintf(rsh, sizeof rsh, "%s/../src/rsh", dir);
	if (access(proxy, X_OK) != 0) {
		printf("(no %s: make check builds it; nothing measured)\n", proxy);
		return false;
	}
	setenv("RSH", rsh, 0);
	harness_init();
	unsetenv("RSH_DEBUG"); /* no debug log in the figures */
	for (enum remote_kind k = 0; k < REMOTE_KINDS; k++) {
		const char *why;
		if (use[k] && !remote_kind_available(k, &why)) {
			printf("%s: not run (%s)\n", remote_kind_name(k), why);
			use[k] = false;
		}
	}
	return true;
}

bool remote_kind_local(enum remote_kind kind)
{
	return kind == REMOTE_RSH_LOCAL || kind == REMOTE_TMUX;
}

bool remote_kinds_parse(char *list, bool local, bool *use)
{
	memset(use, 0, REMOTE_KINDS * sizeof *use);
	for (char *w = strtok(list, ","); w != NULL; w = strtok(NULL, ",")) {
		enum remote_kind k = 0;
		while (k < REMOTE_KINDS && strcmp(w, remote_kind_name(k)) != 0)
			k++;
		if (k == REMOTE_KINDS || (remote_kind_local(k) && !local))
			return false;
		use[k] = true;
	}
	return true;
}

/* The shells started and not stopped: a benchmark that fails (harness_fail exits) must
 * leave no server behind, and the harness knows only its own. */
#define MAX_LIVE 8
static struct remote_shell *live[MAX_LIVE];

const char *remote_kind_name(enum remote_kind kind)
{
	return kind_names[kind];
}

/* The program's path along PATH, allocated, or NULL. */
static char *find_program(const char *name)
{
	const char *path = getenv("PATH");
	char *dirs = xstrdup(path != NULL ? path : "/usr/bin:/bin"), *save = NULL, *found = NULL;
	for (char *d = strtok_r(dirs, ":", &save); d != NULL && found == NULL;
	     d = strtok_r(NULL, ":", &save)) {
		xasprintf(&found, "%s/%s", d, name);
		if (access(found, X_OK) != 0) {
			free(found);
			found = NULL;
		}
	}
	free(dirs);
	return found;
}

bool remote_kind_available(enum remote_kind kind, const char **why)
{
	if (by_ssh(kind)) {
		*why = "no /usr/sbin/sshd or no rsh binary";
		return access("/usr/sbin/sshd", X_OK) == 0 && access(harness_rsh_path(), X_OK) == 0;
	}
	if (kind == REMOTE_TMUX) {
		char *tmux = find_program("tmux");
		free(tmux);
		*why = "tmux not on PATH";
		return tmux != NULL;
	}
	if (!is_mosh(kind)) {
		*why = "no rsh binary";
		return access(harness_rsh_path(), X_OK) == 0;
	}
	char *server = find_program("mosh-server"), *client = find_program("mosh-client");
	bool ok = server != NULL && client != NULL;
	free(server);
	free(client);
	*why = "mosh-server or mosh-client not on PATH";
	return ok;
}

/*
 * Runs a shell command line, stdin /dev/null, stderr with stdout, and calls line_fn on
 * each output line until it exits; returns its exit status.
 */
static int run_lines(const char *command, void (*line_fn)(const char *line, void *arg),
		     void *arg)
{
	char *full, line[512];
	xasprintf(&full, "%s </dev/null 2>&1", command);
	FILE *f = popen(full, "r");
	free(full);
	if (f == NULL)
		return -1;
	while (fgets(line, sizeof line, f) != NULL)
		line_fn(line, arg);
	return pclose(f);
}

struct connect_line {
	unsigned port;
	char token[128];
	pid_t pid;
	char said[512]; /* the first line, for a failure */
};

static void read_connect(const char *line, void *arg)
{
	struct connect_line *c = arg;
	int pid;
	if (c->said[0] == '\0')
		snprintf(c->said, sizeof c->said, "%s", line);
	if (sscanf(line, "MOSH CONNECT %u %127s", &c->port, c->token) == 2 ||
	    sscanf(line, "RSH CONNECT %u %127s", &c->port, c->token) == 2)
		return;
	if (sscanf(line, "[mosh-server detached, pid = %d]", &pid) == 1)
		c->pid = pid;
}

/* The link's impairment each way, as udpproxy's -u and -d take it. */
static bool start_proxy(struct remote_shell *s, const char *proxy_path, unsigned port,
			const struct remote_link *link)
{
	char spec[64], seed[32];
	struct net_addr target;
	snprintf(spec, sizeof spec, "delay=%u,loss=%u", link->rtt_ms / 2, link->loss_pct);
	snprintf(seed, sizeof seed, "%lu", link->seed);
	char *flags[] = { "-s", seed, "-u", spec, "-d", spec, NULL };
	if (net_addr_resolve("127.0.0.1", port, &target) != 0 ||
	    !udpproxy_start(&s->proxy, proxy_path, &target, flags)) {
		fprintf(stderr, "%s: the proxy did not start\n", remote_kind_name(s->kind));
		return false;
	}
	return true;
}

/* The client in its pty with name=value set (and env_name cleared again after the fork). */
static void start_client(struct remote_shell *s, unsigned cols, unsigned rows, char *argv[],
			 const char *env_name, const char *env_value)
{
	setenv(env_name, env_value, 1);
	s->client = harness_program_start(cols, rows, argv);
	unsetenv(env_name);
}

static bool start_mosh(struct remote_shell *s, struct connect_line *c)
{
	run_lines("mosh-server new -i 127.0.0.1 -- /bin/sh", read_connect, c);
	s->mosh_server = c->pid;
	return c->port != 0 && c->pid > 0;
}

static bool start_rsh(struct remote_shell *s, struct connect_line *c)
{
	static unsigned servers;
	char *command;
	xasprintf(&s->socket, "%s/rsh-%u", harness_dir(), servers++);
	/* The server listens where ssh came in: here, loopback only. */
	xasprintf(&command, "SSH_CONNECTION='127.0.0.1 22 127.0.0.1 22' '%s' -S '%s' bootstrap",
		  harness_rsh_path(), s->socket);
	run_lines(command, read_connect, c);
	free(command);
	return c->port != 0;
}

static void stop_live(void)
{
	for (int i = 0; i < MAX_LIVE; i++)
		if (live[i] != NULL)
			remote_shell_stop(live[i]);
}

/* Keeps s among the live shells; false when there are too many. */
static bool track(struct remote_shell *s)
{
	static bool registered;
	if (!registered)
		atexit(stop_live);
	registered = true;
	for (int i = 0; i < MAX_LIVE; i++) {
		if (live[i] == NULL) {
			live[i] = s;
			return true;
		}
	}
	fprintf(stderr, "more than %d remote shells at once\n", MAX_LIVE);
	return false;
}

/* A local session with /bin/sh in it, its client in the pty: `rsh new` with its own server
 * (no config file), or tmux on a socket of its own (-f /dev/null). */
static void start_local(struct remote_shell *s, unsigned cols, unsigned rows)
{
	static unsigned servers;
	if (s->kind == REMOTE_TMUX) {
		xasprintf(&s->socket, "rsh-bench-%d-%u", (int)getpid(), servers++);
		char *tmux = find_program("tmux");
		char *argv[] = { tmux, "-L", s->socket, "-f", "/dev/null", "new", "-s", "bench",
				 "/bin/sh", NULL };
		s->client = harness_program_start(cols, rows, argv);
		free(tmux);
		return;
	}
	xasprintf(&s->socket, "%s/rsh-local-%u", harness_dir(), servers++);
	char *argv[] = { (char *)harness_rsh_path(), "-S", s->socket, "-f", "/dev/null", "new",
			 "-s", "bench", "/bin/sh", NULL };
	s->client = harness_program_start(cols, rows, argv);
}

/* The shell through the private sshd (started at the first use): ssh itself, or rsh
 * attached by it; no proxy. */
static void start_by_ssh(struct remote_shell *s, unsigned cols, unsigned rows)
{
	static struct ssh_harness h;
	static unsigned sessions;
	static const char shell[] = "PS1='$ ' exec /bin/sh -i";
	if (h.dir == NULL)
		ssh_harness_start(&h);
	if (s->kind == REMOTE_SSH) {
		char *ssh, *argv[] = { NULL, "-tt", h.dest, (char *)shell, NULL };
		xasprintf(&ssh, "%s/ssh", h.dir);
		argv[0] = ssh;
		s->client = harness_program_start(cols, rows, argv);
		free(ssh);
		return;
	}
	char *server, *name;
	xasprintf(&s->socket, "%s/rsh-ssh-%u", harness_dir(), sessions);
	xasprintf(&name, "s%u", sessions++);
	xasprintf(&server, "--server=%s -S %s", h.rsh, s->socket);
	char *argv[] = { (char *)harness_rsh_path(),
			 s->kind == REMOTE_RSH_SSH ? "--transport=ssh" : "--transport=udp",
			 "--predict=never", h.ssh_opt, server, h.dest, "new", "-s", name,
			 (char *)shell, NULL };
	s->client = harness_program_start(cols, rows, argv);
	free(server);
	free(name);
}

bool remote_shell_start(struct remote_shell *s, enum remote_kind kind, const char *proxy_path,
			const struct remote_link *link, unsigned cols, unsigned rows)
{
	struct connect_line c = { 0 };
	memset(s, 0, sizeof *s);
	s->kind = kind;
	s->proxy.pid = -1;
	if (!track(s))
		return false;
	if (remote_kind_local(kind)) {
		start_local(s, cols, rows);
		return true;
	}
	if (by_ssh(kind)) {
		start_by_ssh(s, cols, rows);
		return true;
	}
	bool ok = is_mosh(kind) ? start_mosh(s, &c) : start_rsh(s, &c);
	if (!ok) {
		fprintf(stderr, "%s: the server did not start: %s", remote_kind_name(kind), c.said);
		remote_shell_stop(s);
		return false;
	}
	if (!start_proxy(s, proxy_path, c.port, link)) {
		remote_shell_stop(s);
		return false;
	}
	char port[16]; /* the proxy listens on 127.0.0.1 */
	snprintf(port, sizeof port, "%u",
		 (unsigned)ntohs(((struct sockaddr_in *)&s->proxy.addr.ss)->sin_port));
	if (is_mosh(kind)) {
		char *client = find_program("mosh-client");
		char *argv[] = { client, "127.0.0.1", port, NULL };
		/* mosh's own setting (mosh --predict=never sets it for mosh-client). */
		if (kind == REMOTE_MOSH_NEVER)
			setenv("MOSH_PREDICTION_DISPLAY", "never", 1);
		start_client(s, cols, rows, argv, "MOSH_KEY", c.token);
		unsetenv("MOSH_PREDICTION_DISPLAY");
		free(client);
		return true;
	}
	char *argv[] = { (char *)harness_rsh_path(), "client", "127.0.0.1", port, NULL };
	/* Adaptive is the client's default; the environment variable forces it. */
	setenv("RSH_PREDICT", kind == REMOTE_RSH_ALWAYS  ? "always"
			      : kind == REMOTE_RSH_NEVER ? "never"
							 : "adaptive", 1);
	start_client(s, cols, rows, argv, "RSH_TOKEN", c.token);
	unsetenv("RSH_PREDICT");
	return true;
}

/* mosh-server is not our child: it goes on SIGTERM, else within 2 s on SIGKILL. */
static void stop_mosh_server(pid_t pid)
{
	kill(pid, SIGTERM);
	for (int i = 0; i < 200 && harness_process_running(pid); i++)
		usleep(10000);
	if (harness_process_running(pid))
		kill(pid, SIGKILL);
}

static void ignore_line(const char *line, void *arg)
{
	(void)line;
	(void)arg;
}

void remote_shell_stop(struct remote_shell *s)
{
	for (int i = 0; i < MAX_LIVE; i++)
		if (live[i] == s)
			live[i] = NULL;
	if (s->client != NULL)
		harness_client_free(s->client);
	if (s->proxy.pid > 0)
		udpproxy_stop(&s->proxy, NULL);
	if (s->mosh_server > 0)
		stop_mosh_server(s->mosh_server);
	if (s->socket != NULL) {
		char *command;
		if (s->kind == REMOTE_TMUX)
			xasprintf(&command, "tmux -L '%s' kill-server", s->socket);
		else
			xasprintf(&command, "'%s' -S '%s' kill-server", harness_rsh_path(), s->socket);
		run_lines(command, ignore_line, NULL);
		free(command);
		free(s->socket);
	}
	memset(s, 0, sizeof *s);
}
