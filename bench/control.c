/* A private rsh server through its control socket, and tmux beside it (control.h). */
#include "control.h"

#include <pty.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "cmd/proto.h"
#include "cmd/socket.h"
#include "server/server.h"

static char dir[64];
static char sock[256];
static pid_t server_pid;

pid_t control_start(bool with_server)
{
	snprintf(dir, sizeof dir, "/tmp/rsh-bench.XXXXXX");
	if (mkdtemp(dir) == NULL) {
		perror("mkdtemp");
		exit(1);
	}
	snprintf(sock, sizeof sock, "%s/s", dir);
	server_pid = 0;
	if (!with_server)
		return 0;
	int fd = socket_listen(sock);
	server_pid = fork();
	if (server_pid == 0)
		_exit(server_run(fd, sock, "/dev/null"));
	close(fd);
	setenv("SHELL", "/bin/sh", 1);
	return server_pid;
}

void control_stop(void)
{
	if (server_pid != 0) {
		CONTROL_RUN("kill-server");
		waitpid(server_pid, NULL, 0);
	}
	free(control_tmux(NULL, "kill-server"));
	char path[300];
	snprintf(path, sizeof path, "%s.tmux", sock);
	unlink(path);
	rmdir(dir);
}

const char *control_dir(void)
{
	return dir;
}

const char *control_socket(void)
{
	return sock;
}

int control_command(char **out, int argc, char **argv)
{
	int fd = socket_connect(sock);
	if (fd < 0) {
		perror("connect");
		exit(1);
	}
	struct proto_request req = {.argc = argc, .argv = argv, .cwd = "/"};
	size_t len;
	uint8_t *msg = proto_request_encode(&req, &len);
	if (write(fd, msg, len) != (ssize_t)len)
		exit(1);
	free(msg);
	struct proto_frame f = {0};
	struct proto_reply reply;
	if (proto_frame_read(&f, fd, PROTO_MAX_REPLY) != PROTO_FRAME_DONE ||
	    proto_reply_decode(f.body, f.len, &reply) != NULL)
		exit(1);
	proto_frame_free(&f);
	close(fd);
	int code = reply.code;
	if (out != NULL)
		*out = reply.out, reply.out = NULL;
	proto_reply_free(&reply);
	return code;
}

bool control_pane_shows(const char *pane, const char *text)
{
	char *out, *argv[] = {"capture-pane", "-p", "-t", (char *)pane, NULL};
	control_command(&out, 4, argv);
	bool found = strstr(out, text) != NULL;
	free(out);
	return found;
}

char *control_tmux(const char *conf, const char *args)
{
	char cmd[1024], *out = NULL;
	size_t len = 0;
	snprintf(cmd, sizeof cmd, "tmux -f %s -S %s.tmux %s 2>/dev/null",
		 conf ? conf : "/dev/null", sock, args);
	FILE *f = popen(cmd, "r");
	if (f == NULL)
		return NULL;
	FILE *mem = open_memstream(&out, &len);
	char buf[4096];
	size_t n;
	while ((n = fread(buf, 1, sizeof buf, f)) > 0)
		fwrite(buf, 1, n, mem);
	fclose(mem);
	if (pclose(f) != 0) {
		free(out);
		return NULL;
	}
	return out;
}

pid_t control_tmux_pid(const char *conf)
{
	char *out = control_tmux(conf, "display -p '#{pid}'");
	pid_t pid = out ? (pid_t)atoi(out) : 0;
	free(out);
	return pid;
}

int control_spawn_pty(unsigned cols, unsigned rows, char *const argv[], pid_t *pid)
{
	int fd;
	struct winsize ws = {.ws_row = (unsigned short)rows, .ws_col = (unsigned short)cols};
	*pid = forkpty(&fd, NULL, NULL, &ws);
	if (*pid < 0) {
		perror("forkpty");
		exit(1);
	}
	if (*pid == 0) {
		setenv("TERM", "xterm-256color", 1);
		execvp(argv[0], argv);
		_exit(127);
	}
	return fd;
}

double control_now_us(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e6 + ts.tv_nsec / 1e3;
}

size_t control_rss(pid_t pid)
{
	char path[64], line[256];
	snprintf(path, sizeof path, "/proc/%d/status", (int)pid);
	FILE *f = fopen(path, "r");
	size_t kb = 0;
	while (f != NULL && fgets(line, sizeof line, f) != NULL)
		if (sscanf(line, "VmRSS: %zu kB", &kb) == 1)
			break;
	if (f != NULL)
		fclose(f);
	return kb * 1024;
}

bool control_proc_times(pid_t pid, struct control_times *t)
{
	char path[64], line[256];
	unsigned long v[4] = {0};
	double tick = (double)sysconf(_SC_CLK_TCK);
	snprintf(path, sizeof path, "/proc/%d/stat", (int)pid);
	FILE *f = fopen(path, "r");
	*t = (struct control_times){0};
	if (f == NULL)
		return false;
	/* Fields 14 to 17; the command name (2) is in parentheses. */
	bool ok = fscanf(f, "%*d (%*[^)]) %*c %*d %*d %*d %*d %*d %*u %*u %*u %*u %*u %lu %lu %lu %lu",
			 &v[0], &v[1], &v[2], &v[3]) == 4;
	fclose(f);
	if (!ok)
		return false;
	t->user = (double)v[0] / tick;
	t->sys = (double)v[1] / tick;
	t->children = (double)(v[2] + v[3]) / tick;
	snprintf(path, sizeof path, "/proc/%d/status", (int)pid);
	f = fopen(path, "r");
	while (f != NULL && fgets(line, sizeof line, f) != NULL) {
		unsigned long n;
		if (sscanf(line, "voluntary_ctxt_switches: %lu", &n) == 1 ||
		    sscanf(line, "nonvoluntary_ctxt_switches: %lu", &n) == 1)
			t->switches += n;
	}
	if (f != NULL)
		fclose(f);
	return true;
}

double control_cpu_s(pid_t pid)
{
	struct control_times t;
	control_proc_times(pid, &t);
	return t.user + t.sys;
}
