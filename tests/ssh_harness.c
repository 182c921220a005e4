/* The private sshd of the remote tests: see ssh_harness.h. */
#include "ssh_harness.h"

#include <pwd.h>
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
