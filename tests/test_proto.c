/*
 * Control messages: requests and replies survive encoding, and a socket reader takes a
 * message in pieces but refuses one too long, cut short or followed by an early end.
 */
#include <sys/socket.h>
#include <unistd.h>

#include "check.h"
#include "cmd/proto.h"

static void round_trip(void)
{
	char *argv[] = {"send-keys", "-t", "work:1.2", "echo \xff", "", NULL};
	struct proto_request req = {.argc = 5, .argv = argv, .cwd = "/home/me", .cols = 80, .rows = 24}, got;
	size_t len;
	uint8_t *msg = proto_request_encode(&req, &len);
	CHECK(proto_request_decode(msg + PROTO_HEADER, len - PROTO_HEADER, &got) == NULL);
	CHECK(got.argc == 5 && got.argv[5] == NULL);
	for (int i = 0; i < 5; i++)
		CHECK(strcmp(got.argv[i], argv[i]) == 0);
	CHECK(strcmp(got.cwd, "/home/me") == 0 && got.cols == 80 && got.rows == 24);
	/* Every proper prefix of the body is refused. */
	for (size_t cut = 0; cut < len - PROTO_HEADER; cut++) {
		struct proto_request part;
		CHECKF(proto_request_decode(msg + PROTO_HEADER, cut, &part) != NULL, "cut %zu", cut);
	}
	proto_request_free(&got);
	free(msg);

	struct proto_reply reply = {3, "out\n", "rsh: err\n", 4, 9}, back;
	msg = proto_reply_encode(&reply, &len);
	CHECK(proto_reply_decode(msg + PROTO_HEADER, len - PROTO_HEADER, &back) == NULL);
	CHECK(back.code == 3 && back.outlen == 4 && strcmp(back.out, "out\n") == 0);
	CHECK(back.errlen == 9 && strcmp(back.err, "rsh: err\n") == 0);
	proto_reply_free(&back);
	free(msg);
}

/* The optional UDP element: where attached clients reach the server. */
static void udp_element(void)
{
	char *argv[] = {"attach-session", NULL};
	struct proto_request req = {.argc = 1, .argv = argv, .cwd = "", .cols = 80, .rows = 24,
				    .udp_host = "192.0.2.1", .udp_low = 60000, .udp_high = 60010}, got;
	size_t len;
	uint8_t *msg = proto_request_encode(&req, &len);
	CHECK(proto_request_decode(msg + PROTO_HEADER, len - PROTO_HEADER, &got) == NULL);
	CHECK(strcmp(got.udp_host, "192.0.2.1") == 0 && got.udp_low == 60000 &&
	      got.udp_high == 60010);
	proto_request_free(&got);
	free(msg);
	/* Without it the host stays NULL: the local default. */
	req.udp_host = NULL;
	msg = proto_request_encode(&req, &len);
	CHECK(proto_request_decode(msg + PROTO_HEADER, len - PROTO_HEADER, &got) == NULL);
	CHECK(got.udp_host == NULL && !got.has_pane);
	proto_request_free(&got);
	free(msg);
	/* The pane a command was typed in: after a nil udp element, or after one. */
	req.has_pane = true;
	req.pane = 42;
	for (int with_udp = 0; with_udp < 2; with_udp++) {
		req.udp_host = with_udp ? "192.0.2.1" : NULL;
		msg = proto_request_encode(&req, &len);
		CHECK(proto_request_decode(msg + PROTO_HEADER, len - PROTO_HEADER, &got) == NULL);
		CHECK(got.has_pane && got.pane == 42 && (got.udp_host != NULL) == with_udp);
		proto_request_free(&got);
		free(msg);
	}
	/* The environment, after a nil or a real udp and pane; an entry without a name and
	 * '=' is refused. */
	char *env[] = {"DISPLAY=:0", "EMPTY=", "=bad"};
	req.has_env = true;
	req.envv = env;
	req.envc = 2;
	for (int k = 0; k < 4; k++) {
		req.udp_host = k & 1 ? "192.0.2.1" : NULL;
		req.has_pane = (k & 2) != 0;
		msg = proto_request_encode(&req, &len);
		CHECK(proto_request_decode(msg + PROTO_HEADER, len - PROTO_HEADER, &got) == NULL);
		CHECK(got.has_env && got.envc == 2 && strcmp(got.envv[0], "DISPLAY=:0") == 0 &&
		      strcmp(got.envv[1], "EMPTY=") == 0 && got.has_pane == ((k & 2) != 0));
		proto_request_free(&got);
		free(msg);
	}
	req.envv = env + 2;
	req.envc = 1;
	msg = proto_request_encode(&req, &len);
	const char *refused = proto_request_decode(msg + PROTO_HEADER, len - PROTO_HEADER, &got);
	CHECKF(refused != NULL && strstr(refused, "environment"), "%s",
	       refused ? refused : "accepted");
	free(msg);
	req.has_env = false;
	req.envc = 0;
	req.envv = NULL;
	req.has_pane = false;
	/* A range upside down or starting at 0 is refused. */
	static const struct { unsigned lo, hi; } bad[] = {{0, 10}, {61000, 60000}};
	for (size_t i = 0; i < 2; i++) {
		req.udp_host = "::1";
		req.udp_low = bad[i].lo;
		req.udp_high = bad[i].hi;
		msg = proto_request_encode(&req, &len);
		const char *why = proto_request_decode(msg + PROTO_HEADER, len - PROTO_HEADER, &got);
		CHECKF(why != NULL && strstr(why, "bad UDP port range"), "%s", why ? why : "accepted");
		free(msg);
	}
}

/* Writes bytes to one end of a fresh socket pair; returns the other, non-blocking. */
static int feed(int fds[2], const void *p, size_t n)
{
	CHECK(socketpair(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK, 0, fds) == 0);
	CHECK(write(fds[0], p, n) == (ssize_t)n);
	return fds[1];
}

static void frames(void)
{
	char *argv[] = {"ls", NULL};
	struct proto_request req = {.argc = 1, .argv = argv, .cwd = ""};
	size_t len;
	uint8_t *msg = proto_request_encode(&req, &len);
	int fds[2];

	/* In two pieces: more, then done. */
	struct proto_frame f = {0};
	int fd = feed(fds, msg, 3);
	CHECK(proto_frame_read(&f, fd, PROTO_MAX_REQUEST) == PROTO_FRAME_MORE);
	CHECK(write(fds[0], msg + 3, len - 3) == (ssize_t)(len - 3));
	CHECK(proto_frame_read(&f, fd, PROTO_MAX_REQUEST) == PROTO_FRAME_DONE);
	CHECK(f.len == len - PROTO_HEADER && memcmp(f.body, msg + PROTO_HEADER, f.len) == 0);
	proto_frame_free(&f);
	close(fds[0]);
	close(fds[1]);

	/* The peer's end before the whole message. */
	fd = feed(fds, msg, len - 1);
	close(fds[0]);
	CHECK(proto_frame_read(&f, fd, PROTO_MAX_REQUEST) == PROTO_FRAME_ERROR);
	proto_frame_free(&f);
	close(fd);

	/* A length past the limit, refused before any body is read or allocated. */
	static const uint8_t huge[] = {0xff, 0xff, 0xff, 0xff};
	fd = feed(fds, huge, sizeof huge);
	CHECK(proto_frame_read(&f, fd, PROTO_MAX_REQUEST) == PROTO_FRAME_ERROR);
	CHECK(f.body == NULL);
	proto_frame_free(&f);
	close(fds[0]);
	close(fd);
	free(msg);
}

int main(void)
{
	round_trip();
	udp_element();
	frames();
	return 0;
}
