/* The roaming tests' link: see roam_link.h. */
#include "roam_link.h"

#include <arpa/inet.h>
#include <dirent.h>
#include <libgen.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "check.h"
#include "util/xmalloc.h"

#define MAX_PROXIES 8
#define MAX_FLAGS 32
#define MAX_SOCKETS 64

static pid_t proxies[MAX_PROXIES]; /* the running ones, killed at exit */

static void kill_proxies(void)
{
	for (int i = 0; i < MAX_PROXIES; i++) {
		if (proxies[i] > 0) {
			kill(proxies[i], SIGKILL);
			waitpid(proxies[i], NULL, 0);
		}
	}
}

/* Replaces was (0: a free slot) by pid (0: forgets was). */
static void remember(pid_t was, pid_t pid)
{
	static bool registered;
	if (!registered)
		atexit(kill_proxies);
	registered = true;
	for (int i = 0; i < MAX_PROXIES; i++) {
		if (proxies[i] == was) {
			proxies[i] = pid;
			return;
		}
	}
	harness_fail(NULL, "too many proxies");
}

long long roam_now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

unsigned long roam_seed(void)
{
	static bool printed;
	if (!printed)
		printf("seed %lu (RSH_TEST_SEED replays)\n", test_seed());
	printed = true;
	return test_seed();
}

void roam_bootstrap(struct roam_link *l, const char *session)
{
	char *out;
	/* As ssh would say: the server then listens on loopback only. */
	setenv("SSH_CONNECTION", "127.0.0.1 50000 127.0.0.1 22", 1);
	int code = harness_rsh(&out, "bootstrap", "attach", "-t", session, (char *)NULL);
	memset(l, 0, sizeof *l);
	const char *why = code != 0 ? "it failed" : net_connect_parse(out, strlen(out), &l->nc);
	if (why != NULL)
		harness_fail(NULL, "rsh bootstrap: %s; it said:\n%s%s", why, out,
			     harness_rsh_stderr());
	net_token_encode(&l->nc, l->token);
	free(out);
}

/* tests/udpproxy, beside this program (a test) or in ../tests (a benchmark). */
static const char *proxy_path(void)
{
	static char path[PATH_MAX];
	char self[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", self, sizeof self - 1);
	if (n <= 0)
		harness_fail(NULL, "cannot find this program");
	self[n] = '\0';
	const char *dir = dirname(self);
	snprintf(path, sizeof path, "%s/udpproxy", dir);
	if (access(path, X_OK) != 0)
		snprintf(path, sizeof path, "%s/../tests/udpproxy", dir);
	return path;
}

void roam_proxy_start(struct roam_link *l, unsigned listen_port, char *const *flags)
{
	char *all[MAX_FLAGS], listen[32];
	int n = 0;
	/* A later -l overrides the one udpproxy_start gives. */
	snprintf(listen, sizeof listen, "127.0.0.1:%u", listen_port);
	all[n++] = "-l";
	all[n++] = listen;
	while (*flags != NULL && n < MAX_FLAGS - 1)
		all[n++] = *flags++;
	all[n] = NULL;
	struct net_addr server;
	if (net_addr_resolve("127.0.0.1", l->nc.port, &server) != 0 ||
	    !udpproxy_start(&l->proxy, proxy_path(), &server, all))
		harness_fail(NULL, "cannot start %s", proxy_path());
	remember(0, l->proxy.pid);
	l->proxied = true;
}

unsigned roam_proxy_port(const struct roam_link *l)
{
	const struct sockaddr_in *sin = (const struct sockaddr_in *)&l->proxy.addr.ss;
	return ntohs(sin->sin_port);
}

/* The counts of one direction from udpproxy's report. */
static void parse_counts(const char *report, const char *dir, struct roam_counts *c)
{
	char key[32];
	snprintf(key, sizeof key, "udpproxy %s: ", dir);
	const char *p = strstr(report, key);
	if (c != NULL && (p == NULL ||
			  sscanf(p + strlen(key), "in %llu dgrams %*u bytes, out %llu dgrams "
				 "%llu bytes, lost %llu", &c->in, &c->out, &c->out_bytes,
				 &c->lost) != 4))
		harness_fail(NULL, "udpproxy reported:\n%s", report);
}

void roam_proxy_stop(struct roam_link *l, const char *label, struct roam_counts *up,
		     struct roam_counts *down)
{
	char *report = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&report, &len);
	if (f == NULL)
		harness_fail(NULL, "open_memstream failed");
	pid_t pid = l->proxy.pid;
	kill(pid, SIGCONT); /* a stopped one must see the SIGTERM */
	bool clean = udpproxy_stop(&l->proxy, f);
	remember(pid, 0);
	l->proxied = false;
	fclose(f);
	printf("%s:\n%s", label, report);
	fflush(stdout);
	if (!clean)
		harness_fail(NULL, "udpproxy did not exit cleanly");
	parse_counts(report, "up", up);
	parse_counts(report, "down", down);
	free(report);
}

void roam_proxy_counts(struct roam_link *l, struct roam_counts *up, struct roam_counts *down)
{
	char line[300], report[1024] = "";
	kill(l->proxy.pid, SIGUSR1);
	/* Its report ends with the roams line. */
	while (fgets(line, sizeof line, l->proxy.out) != NULL &&
	       strlen(report) + strlen(line) < sizeof report) {
		strcat(report, line);
		if (strncmp(line, "udpproxy roams:", 15) == 0)
			break;
	}
	parse_counts(report, "up", up);
	parse_counts(report, "down", down);
}

/* The inodes of the sockets process pid holds; returns how many. */
static unsigned socket_inodes(pid_t pid, unsigned long *inodes, unsigned max)
{
	char path[64], link[64];
	unsigned n = 0;
	snprintf(path, sizeof path, "/proc/%d/fd", (int)pid);
	DIR *d = opendir(path);
	struct dirent *e;
	while (d != NULL && n < max && (e = readdir(d)) != NULL) {
		char *fd;
		xasprintf(&fd, "%s/%s", path, e->d_name);
		ssize_t len = readlink(fd, link, sizeof link - 1);
		free(fd);
		link[len > 0 ? len : 0] = '\0';
		if (sscanf(link, "socket:[%lu]", &inodes[n]) == 1)
			n++;
	}
	if (d != NULL)
		closedir(d);
	return n;
}

static bool has_inode(const unsigned long *inodes, unsigned n, unsigned long inode)
{
	for (unsigned i = 0; i < n; i++)
		if (inodes[i] == inode)
			return true;
	return false;
}

bool roam_proxy_upstream(const struct roam_link *l, char *out)
{
	unsigned long inodes[MAX_SOCKETS], inode;
	unsigned n = socket_inodes(l->proxy.pid, inodes, MAX_SOCKETS), found = 0;
	char path[64], line[512];
	snprintf(path, sizeof path, "/proc/%d/net/udp", (int)l->proxy.pid);
	FILE *f = fopen(path, "r");
	while (f != NULL && fgets(line, sizeof line, f) != NULL) {
		unsigned addr, port;
		/* sl local rem st tx:rx tr:when retrnsmt uid timeout inode */
		if (sscanf(line, " %*u: %x:%x %*x:%*x %*x %*x:%*x %*x:%*x %*x %*u %*u %lu", &addr,
			   &port, &inode) != 3 || !has_inode(inodes, n, inode) ||
		    port == roam_proxy_port(l))
			continue;
		struct in_addr in = { .s_addr = addr }; /* printed as the kernel holds it */
		char host[INET_ADDRSTRLEN];
		snprintf(out, NET_ADDR_STRLEN, "%s:%u", inet_ntop(AF_INET, &in, host, sizeof host),
			 port);
		found++;
	}
	if (f != NULL)
		fclose(f);
	return found == 1;
}

harness_client *roam_client_start(unsigned cols, unsigned rows, const char *token,
				  unsigned port)
{
	return roam_client_start_opts(cols, rows, token, port, NULL);
}

harness_client *roam_client_start_opts(unsigned cols, unsigned rows, const char *token,
				       unsigned port, char *const *opts)
{
	char portstr[16];
	snprintf(portstr, sizeof portstr, "%u", port);
	char *argv[MAX_FLAGS + 5] = { (char *)harness_rsh_path() };
	int n = 1;
	for (int i = 0; opts != NULL && opts[i] != NULL && n < MAX_FLAGS; i++)
		argv[n++] = opts[i];
	argv[n++] = "client";
	argv[n++] = "127.0.0.1";
	argv[n++] = portstr;
	argv[n] = NULL;
	if (token != NULL)
		setenv("RSH_TOKEN", token, 1);
	harness_client *c = harness_program_start(cols, rows, argv);
	unsetenv("RSH_TOKEN");
	return c;
}

harness_client *roam_link_client(struct roam_link *l, unsigned cols, unsigned rows)
{
	l->client = roam_client_start(cols, rows, l->token, roam_proxy_port(l));
	return l->client;
}

harness_client *roam_attach(struct roam_link *l, const char *session, unsigned cols,
			    unsigned rows, char *const *flags)
{
	roam_bootstrap(l, session);
	roam_proxy_start(l, 0, flags);
	harness_client *c = roam_link_client(l, cols, rows);
	harness_wait_text(c, "$");
	harness_wait_match(c, session, session);
	return c;
}

/* One list-clients line: "0: work [80x24] (127.0.0.1:50123, last contact 2 s ago)". */
static bool parse_listed(const char *line, struct roam_listed *c)
{
	const char *paren = strrchr(line, '(');
	memset(c, 0, sizeof *c);
	if (sscanf(line, "%u: ", &c->id) != 1 || paren == NULL)
		return false;
	if (strcmp(paren, "(not connected)") == 0)
		return true;
	return sscanf(paren, "(%55[^,], last contact %u s ago)", c->addr, &c->last_contact_s) == 2;
}

unsigned roam_list_clients(struct roam_listed *out, unsigned max)
{
	char *text, *save;
	unsigned n = 0;
	if (harness_rsh(&text, "list-clients", (char *)NULL) != 0)
		harness_fail(NULL, "list-clients failed: %s", harness_rsh_stderr());
	for (char *line = strtok_r(text, "\n", &save); line != NULL;
	     line = strtok_r(NULL, "\n", &save)) {
		struct roam_listed c;
		if (!parse_listed(line, &c))
			harness_fail(NULL, "list-clients said '%s'", line);
		if (n < max)
			out[n] = c;
		n++;
	}
	free(text);
	return n;
}
