/*
 * Control messages between the rsh command and the server, over the control socket.
 * Each message is a 4-byte big-endian length, then that many bytes of msgpack:
 *   request: [version, [word (bin) ...], cwd (bin), cols, rows, udp?, pane?, env?]
 *            udp, only when the requester says where attached clients reach the server
 *            (rsh bootstrap): [host (bin), low port, high port]; pane: its RSH_PANE
 *            number; env: the requester's environment, ["NAME=value" (bin) ...]; an
 *            element left out before one that follows is nil
 *   reply:   [version, exit code, stdout (bin), stderr (bin)]
 * The bytes come from another process, so decoding checks every type and size; a request
 * that breaks a rule is refused whole and the server closes the connection.
 */
#ifndef RSH_CMD_PROTO_H
#define RSH_CMD_PROTO_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define PROTO_VERSION 1
#define PROTO_HEADER 4
#define PROTO_MAX_REQUEST (256u << 10)
#define PROTO_MAX_REPLY (16u << 20)
#define PROTO_MAX_WORDS 1024
#define PROTO_MAX_SIZE 10000 /* terminal columns or rows */
#define PROTO_MAX_HOST 255
#define PROTO_MAX_ENV 4096 /* environment entries */

struct proto_request {
	int argc;
	char **argv;         /* argc NUL-terminated words, then NULL */
	char *cwd;           /* the client's working directory, "" when unknown */
	unsigned cols, rows; /* the client's terminal, 0 when it has none */
	/* Where a client it attaches reaches the server over UDP: a numeric address and a
	 * port range. NULL host: the local default (127.0.0.1, NET_PORT_LOW..HIGH). */
	char *udp_host;
	unsigned udp_low, udp_high;
	/* The pane the command was typed in (RSH_PANE, as tmux's TMUX_PANE): targets left out
	 * mean that pane, its window and its session. */
	bool has_pane;
	uint32_t pane;
	/* The requester's environment ("NAME=value", each with a '=' after a name that is not
	 * empty), for update-environment; has_env false when it sent none. */
	bool has_env;
	uint32_t envc;
	char **envv;
};

struct proto_reply {
	int code; /* the command's exit status */
	char *out, *err;
	size_t outlen, errlen;
};

/* An allocated message, header included, of *len bytes. */
uint8_t *proto_request_encode(const struct proto_request *req, size_t *len);
uint8_t *proto_reply_encode(const struct proto_reply *reply, size_t *len);

/*
 * Decode a message body (without its header). Return NULL with the result filled in (free
 * it with the matching _free), or why the body was refused, leaving the result empty.
 */
const char *proto_request_decode(const uint8_t *body, size_t len, struct proto_request *req);
const char *proto_reply_decode(const uint8_t *body, size_t len, struct proto_reply *reply);
void proto_request_free(struct proto_request *req);
void proto_reply_free(struct proto_reply *reply);

/* Reading one message from a socket, a piece at a time when it is non-blocking. */
struct proto_frame {
	uint8_t header[PROTO_HEADER];
	uint8_t *body;
	size_t have; /* bytes read so far, header included */
	uint32_t len; /* the body's length, once the header is in */
};

enum proto_frame_state { PROTO_FRAME_MORE, PROTO_FRAME_DONE, PROTO_FRAME_ERROR };

/*
 * Reads what fd has of the message; a body longer than max, the peer's end before the
 * whole message or a read error is PROTO_FRAME_ERROR.
 */
enum proto_frame_state proto_frame_read(struct proto_frame *f, int fd, uint32_t max);
void proto_frame_free(struct proto_frame *f);

#endif
