/*
 * Agent forwarding (rsh -A): a real ssh-agent started by the test, holding a key made by
 * ssh-keygen, is the attached client's ($SSH_AUTH_SOCK). `ssh-add -l` run in a pane
 * (whose SSH_AUTH_SOCK is the server's agent socket, 0600) lists that key's fingerprint.
 * With two clients attached, each with an agent of its own, a pane reaches the agent of
 * the one that typed last. Detached, the socket is gone and ssh-add says there is no
 * agent; a client attached without -A offers none either. Last, a remote attach through
 * a real sshd on loopback (tests/sshd.sh; the test skips without one) carries it too.
 */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "attach_harness.h"
#include "check.h"
#include "ssh_harness.h"
#include "util/xmalloc.h"

/* Runs argv to completion with stdout into *out (may be NULL); returns its exit code. */
static int run(char **out, char *const argv[])
{
	int pfd[2];
	CHECK(pipe(pfd) == 0);
	pid_t pid = fork();
	CHECK(pid >= 0);
	if (pid == 0) {
		dup2(pfd[1], 1);
		close(pfd[0]);
		execvp(argv[0], argv);
		_exit(127);
	}
	close(pfd[1]);
	char buf[4096];
	size_t len = 0;
	ssize_t n;
	while ((n = read(pfd[0], buf + len, sizeof buf - 1 - len)) > 0)
		len += (size_t)n;
	buf[len] = '\0';
	close(pfd[0]);
	int status;
	waitpid(pid, &status, 0);
	if (out != NULL)
		*out = xstrdup(buf);
	return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

static pid_t agent_start(const char *sock)
{
	pid_t pid = fork();
	CHECK(pid >= 0);
	if (pid == 0) {
		freopen("/dev/null", "w", stdout);
		execlp("ssh-agent", "ssh-agent", "-D", "-a", sock, (char *)NULL);
		_exit(127);
	}
	for (int i = 0; i < 100 && access(sock, F_OK) != 0; i++)
		usleep(50000);
	CHECKF(access(sock, F_OK) == 0, "ssh-agent made no socket at %s", sock);
	return pid;
}

/* Types cmd's output into file in the pane, then waits for the file's last line. */
static char *pane_run(harness_client *c, const char *cmd, const char *file)
{
	char *line, *text = NULL;
	unlink(file);
	xasprintf(&line, "%s > %s.tmp 2>&1; echo \"exit $?\" >> %s.tmp; mv %s.tmp %s", cmd, file,
		  file, file, file);
	if (c != NULL) {
		char *typed;
		xasprintf(&typed, "%s\r", line);
		harness_send(c, typed);
		free(typed);
	} else {
		CHECK(harness_rsh(NULL, "send-keys", "-t", "work", line, "Enter", (char *)NULL) == 0);
	}
	for (int i = 0; i < 300 && access(file, F_OK) != 0; i++) {
		if (c != NULL)
			harness_pump(c, 50);
		else
			usleep(50000);
	}
	FILE *f = fopen(file, "r");
	if (f == NULL)
		harness_fail(c, "the pane never ran: %s", cmd);
	char buf[4096];
	size_t n = fread(buf, 1, sizeof buf - 1, f);
	buf[n] = '\0';
	fclose(f);
	text = xstrdup(buf);
	free(line);
	return text;
}

/* A key made by ssh-keygen in an agent of its own: the agent's pid, the key's fingerprint
 * (SHA256:...) into fp. */
static pid_t agent_with_key(const char *name, char *fp, size_t fplen)
{
	char *sock, *key, *pub, *listed;
	xasprintf(&sock, "%s/%s.sock", harness_dir(), name);
	xasprintf(&key, "%s/%s", harness_dir(), name);
	xasprintf(&pub, "%s.pub", key);
	char *keygen[] = {"ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", (char *)name,
			  "-f", key, NULL};
	CHECK(run(NULL, keygen) == 0);
	char *finger[] = {"ssh-keygen", "-lf", pub, NULL};
	CHECK(run(&listed, finger) == 0);
	/* "256 SHA256:... comment (ED25519)": the fingerprint is the second word. */
	char word[256];
	CHECKF(sscanf(listed, "%*u %255s", word) == 1, "ssh-keygen -l said %s", listed);
	snprintf(fp, fplen, "%s", word);
	free(listed);
	pid_t agent = agent_start(sock);
	setenv("SSH_AUTH_SOCK", sock, 1);
	char *add[] = {"ssh-add", "-q", key, NULL};
	CHECK(run(NULL, add) == 0);
	free(sock);
	free(key);
	free(pub);
	return agent;
}

static void check_listed(harness_client *c, const char *file, const char *fp, const char *not)
{
	char *out = pane_run(c, "ssh-add -l", file);
	CHECKF(strstr(out, fp) != NULL && strstr(out, not) == NULL && strstr(out, "exit 0"),
	       "ssh-add -l in the pane said:\n%s(wanted %s)", out, fp);
	printf("ssh-add -l in the pane: %s", out);
	free(out);
}

int main(void)
{
	harness_init();
	char *agent_sock, *out, fp[256], fp2[256];
	xasprintf(&agent_sock, "%s.agent", harness_socket());
	pid_t agent2 = agent_with_key("second-key", fp2, sizeof fp2);
	pid_t agent = agent_with_key("first-key", fp, sizeof fp);
	char *first = xstrdup(getenv("SSH_AUTH_SOCK"));

	CHECK(harness_rsh(NULL, "new", "-d", "-s", "work", (char *)NULL) == 0);
	harness_client *c = harness_client_start(80, 24, "-A", "attach", "-t", "work",
						 (char *)NULL);
	harness_wait_text(c, "$");
	char *file;
	xasprintf(&file, "%s/out", harness_dir());
	out = pane_run(c, "echo \"$SSH_AUTH_SOCK\"", file);
	CHECKF(strncmp(out, agent_sock, strlen(agent_sock)) == 0, "the pane's SSH_AUTH_SOCK: %s",
	       out);
	free(out);
	check_listed(c, file, fp, fp2);
	struct stat st;
	CHECK(stat(agent_sock, &st) == 0 && S_ISSOCK(st.st_mode));
	CHECKF((st.st_mode & 0777) == 0600, "the agent socket's mode is %o", st.st_mode & 0777);

	/* A second client with its own agent: the one that typed last is the one reached. */
	char *second;
	xasprintf(&second, "%s/second-key.sock", harness_dir());
	setenv("SSH_AUTH_SOCK", second, 1);
	harness_client *c2 = harness_client_start(80, 24, "-A", "attach", "-t", "work",
						  (char *)NULL);
	harness_wait_text(c2, "$");
	check_listed(c2, file, fp2, fp);
	check_listed(c, file, fp, fp2);
	harness_detach(c2);
	free(second);
	harness_detach(c);

	/* Detached: no agent. */
	out = pane_run(NULL, "ssh-add -l", file);
	CHECKF(strstr(out, "Error connecting to agent") != NULL && strstr(out, "exit 2") != NULL,
	       "detached, ssh-add -l said:\n%s", out);
	printf("detached: %s", out);
	free(out);
	CHECK(access(agent_sock, F_OK) != 0);

	/* A client without -A offers nothing. */
	c = harness_client_start(80, 24, "attach", "-t", "work", (char *)NULL);
	harness_wait_text(c, "$");
	out = pane_run(c, "ssh-add -l", file);
	CHECKF(strstr(out, "exit 2") != NULL, "without -A, ssh-add -l said:\n%s", out);
	free(out);
	harness_detach(c);

	/* Through the real sshd on loopback: `rsh -A user@127.0.0.1 attach` carries the
	 * agent over the UDP connection the bootstrap set up. */
	struct ssh_harness h;
	ssh_harness_start(&h);
	setenv("SSH_AUTH_SOCK", first, 1);
	c = harness_client_start(80, 24, "-A", h.ssh_opt, h.server_opt, h.dest, "attach", "-t",
				 "work", (char *)NULL);
	harness_wait_text(c, "$");
	check_listed(c, file, fp, fp2);
	harness_detach(c);
	ssh_harness_free(&h);

	kill(agent, SIGTERM);
	kill(agent2, SIGTERM);
	waitpid(agent, NULL, 0);
	waitpid(agent2, NULL, 0);
	free(agent_sock);
	free(first);
	free(file);
	return 0;
}
