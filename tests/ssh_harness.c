/* The private sshd of the remote tests: see ssh_harness.h. */
#include "ssh_harness.h"

#include <dirent.h>
#include <pwd.h>
#include <string.h>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "attach_harness.h"
#include "util/xmalloc.h"

static char *sshd_dir;

static int sshd(const char *what)
{
	char *cmd;
	xasprintf(&cmd, "sh '%s/tests/sshd.sh' %s '%s'", SRCDIR, what, sshd_dir);
	int status = system(cmd);
	free(cmd);
	return WIFEXITED(status) ? WEXITSTATUS(status) : 1;
}

void ssh_harness_stop(void)
{
	sshd("stop");
}

void ssh_harness_start(struct ssh_harness *h)
{
	xasprintf(&sshd_dir, "%s/sshd", harness_dir());
	mkdir(sshd_dir, 0700);
	int started = sshd("start");
	if (started == 77) {
		fprintf(stderr, "SKIP: no sshd\n");
		exit(77);
	}
	atexit(ssh_harness_stop); /* runs before the harness's cleanup, which removes the directory */
	if (started != 0)
		harness_fail(NULL, "tests/sshd.sh start: exit %d", started);
	h->dir = sshd_dir;
	h->rsh = realpath(harness_rsh_path(), NULL);
	struct passwd *pw = getpwuid(getuid());
	if (h->rsh == NULL || pw == NULL)
		harness_fail(NULL, "no path to rsh or no user name");
	h->user = pw->pw_name;
	xasprintf(&h->ssh_opt, "--ssh=%s/ssh", sshd_dir);
	xasprintf(&h->server_opt, "--server=%s -S %s", h->rsh, harness_socket());
	xasprintf(&h->dest, "%s@127.0.0.1", pw->pw_name);
}

void ssh_harness_free(struct ssh_harness *h)
{
	free(h->rsh);
	free(h->ssh_opt);
	free(h->server_opt);
	free(h->dest);
}

unsigned ssh_harness_udp_port(unsigned lo, unsigned hi)
{
	for (unsigned port = lo; port <= hi; port++) {
		int fd = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
		struct sockaddr_in sin = {.sin_family = AF_INET, .sin_port = htons((uint16_t)port),
					  .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
		bool ok = fd >= 0 && bind(fd, (struct sockaddr *)&sin, sizeof sin) == 0;
		if (fd >= 0)
			close(fd);
		if (ok)
			return port;
	}
	harness_fail(NULL, "no free UDP port in %u..%u", lo, hi);
}

pid_t ssh_harness_child(pid_t parent, const char *comm)
{
	DIR *d = opendir("/proc");
	struct dirent *e;
	pid_t found = 0;
	while (d != NULL && found == 0 && (e = readdir(d)) != NULL) {
		char path[300], name[64];
		int ppid;
		snprintf(path, sizeof path, "/proc/%s/stat", e->d_name);
		FILE *f = fopen(path, "r");
		if (f == NULL)
			continue;
		/* pid (comm) state ppid: a comm of ours has no blank or parenthesis. */
		if (fscanf(f, "%*d (%63[^)]) %*c %d", name, &ppid) == 2 && ppid == parent &&
		    strcmp(name, comm) == 0)
			found = (pid_t)atoi(e->d_name);
		fclose(f);
	}
	if (d != NULL)
		closedir(d);
	return found;
}

void ssh_harness_wait_path(harness_client *c, const char *path)
{
	char text[32];
	snprintf(text, sizeof text, "%s, rtt", path);
	harness_wait_text(c, text);
}
