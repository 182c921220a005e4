/*
 * The client against a server that never answers: on a pty, it sends to a UDP port that
 * reads nothing back, gives up after 10 s with one line naming the host and the port (a
 * firewall is the likely cause), exit 1, and leaves the pty in cooked mode. Its first datagram arrives (the RESIZE event).
 */
#include <arpa/inet.h>
#include <poll.h>
#include <pty.h>
#include <sys/wait.h>
#include <termios.h>
#include <unistd.h>

#include "check.h"
#include "client/client.h"
#include "net/udp.h"

int main(void)
{
	struct net_addr any, bound = { .len = sizeof bound.ss };
	struct client_options o = { .host = "127.0.0.1", .family = AF_INET };
	int master, slave, err[2], status, silent;
	struct pollfd p;
	struct termios t;
	char buf[256] = "", want[256], dgram[2048];
	ssize_t n;
	pid_t pid;

	CHECK(net_addr_resolve("127.0.0.1", 0, &any) == 0);
	silent = net_udp_bind((struct sockaddr *)&any.ss, any.len);
	CHECK(silent >= 0);
	CHECK(getsockname(silent, (struct sockaddr *)&bound.ss, &bound.len) == 0);
	o.connect.port = ntohs(((struct sockaddr_in *)&bound.ss)->sin_port);
	o.connect.id = 42;
	CHECK(openpty(&master, &slave, NULL, NULL, NULL) == 0);
	{
		struct winsize ws = { .ws_row = 24, .ws_col = 80 };
		CHECK(ioctl(slave, TIOCSWINSZ, &ws) == 0);
	}
	CHECK(pipe(err) == 0);
	pid = fork();
	CHECK(pid >= 0);
	if (pid == 0) {
		setenv("TERM", "xterm-256color", 1);
		dup2(slave, 0);
		dup2(slave, 1);
		dup2(err[1], 2);
		close(master);
		close(err[0]);
		_exit(client_run(&o));
	}
	close(err[1]);
	p = (struct pollfd){ .fd = silent, .events = POLLIN };
	CHECK(poll(&p, 1, 5000) == 1);
	CHECK(recv(silent, dgram, sizeof dgram, 0) > 0);
	/* Keep the pty drained while the client waits out its 10 s. */
	for (;;) {
		struct pollfd q[2] = { { .fd = master, .events = POLLIN },
				       { .fd = err[0], .events = POLLIN } };
		CHECK(poll(q, 2, 15000) > 0);
		if (q[0].revents & POLLIN && read(master, dgram, sizeof dgram) <= 0)
			break;
		if (q[1].revents & (POLLIN | POLLHUP)) {
			n = read(err[0], buf, sizeof buf - 1);
			if (n <= 0)
				break;
			buf[n] = '\0';
		}
	}
	CHECK(waitpid(pid, &status, 0) == pid);
	CHECKF(WIFEXITED(status) && WEXITSTATUS(status) == 1, "status %#x", status);
	snprintf(want, sizeof want, "rsh: no reply from 127.0.0.1 over UDP port %u (is UDP port %u"
		 " open on the host's firewall? is the token current? one serves until its client"
		 " detaches)\n", o.connect.port, o.connect.port);
	CHECKF(strcmp(buf, want) == 0, "stderr \"%s\"", buf);
	CHECK(tcgetattr(slave, &t) == 0);
	CHECK((t.c_lflag & (ICANON | ECHO)) == (ICANON | ECHO));
	return 0;
}
