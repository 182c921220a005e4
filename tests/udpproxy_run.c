/* Starting and stopping tests/udpproxy (udpproxy_run.h). */
#include "udpproxy_run.h"

#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

bool udpproxy_start(struct udpproxy *p, const char *path, const struct net_addr *target,
		    char *const *flags)
{
	char tgt[NET_ADDR_STRLEN];
	net_addr_str((const struct sockaddr *)&target->ss, target->len, tgt);
	/* -T: it stops by itself should the caller die without stopping it. */
	char *argv[32] = { (char *)path, "-l", "127.0.0.1:0", "-t", tgt, "-T", "120" };
	int argc = 7;
	while (*flags != NULL && argc < 31)
		argv[argc++] = *flags++;
	int pipefd[2];
	if (pipe(pipefd) != 0)
		return false;
	p->pid = fork();
	if (p->pid < 0)
		return false;
	if (p->pid == 0) {
		dup2(pipefd[1], 1);
		close(pipefd[0]);
		close(pipefd[1]);
		execv(path, argv);
		_exit(127);
	}
	close(pipefd[1]);
	p->out = fdopen(pipefd[0], "r");
	char line[200];
	if (fgets(line, sizeof line, p->out) == NULL ||
	    strncmp(line, "udpproxy listening ", 19) != 0 || strrchr(line, ':') == NULL) {
		udpproxy_stop(p, NULL);
		return false;
	}
	unsigned port = (unsigned)strtoul(strrchr(line, ':') + 1, NULL, 10);
	return net_addr_resolve("127.0.0.1", port, &p->addr) == 0;
}

bool udpproxy_stop(struct udpproxy *p, FILE *counts)
{
	char line[300];
	int status;
	kill(p->pid, SIGTERM);
	while (fgets(line, sizeof line, p->out) != NULL)
		if (counts != NULL)
			fputs(line, counts);
	fclose(p->out);
	return waitpid(p->pid, &status, 0) == p->pid && WIFEXITED(status) &&
	       WEXITSTATUS(status) == 0;
}
