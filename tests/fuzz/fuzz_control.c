/*
 * Fuzz target: control-socket message bodies, as another process may send them. The
 * decoders either refuse, leaving nothing allocated, or give well-formed values that
 * survive encoding and decoding again unchanged.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "cmd/proto.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check_request(const uint8_t *data, size_t size)
{
	struct proto_request req;
	if (proto_request_decode(data, size, &req) != NULL) {
		if (req.argc != 0 || req.argv != NULL || req.cwd != NULL)
			abort();
		return;
	}
	if (req.argc < 1 || req.argc > PROTO_MAX_WORDS || req.argv[req.argc] != NULL ||
	    req.cols > PROTO_MAX_SIZE || req.rows > PROTO_MAX_SIZE)
		abort();
	size_t len;
	uint8_t *msg = proto_request_encode(&req, &len);
	struct proto_request again;
	if (proto_request_decode(msg + PROTO_HEADER, len - PROTO_HEADER, &again) != NULL ||
	    again.argc != req.argc || strcmp(again.cwd, req.cwd) != 0)
		abort();
	for (int i = 0; i < req.argc; i++)
		if (strcmp(again.argv[i], req.argv[i]) != 0)
			abort();
	free(msg);
	proto_request_free(&again);
	proto_request_free(&req);
}

static void check_reply(const uint8_t *data, size_t size)
{
	struct proto_reply reply;
	if (proto_reply_decode(data, size, &reply) != NULL) {
		if (reply.out != NULL || reply.err != NULL)
			abort();
		return;
	}
	if (reply.code < 0 || reply.code > 255 || strlen(reply.out) != reply.outlen ||
	    strlen(reply.err) != reply.errlen)
		abort();
	size_t len;
	uint8_t *msg = proto_reply_encode(&reply, &len);
	struct proto_reply again;
	if (proto_reply_decode(msg + PROTO_HEADER, len - PROTO_HEADER, &again) != NULL ||
	    again.code != reply.code || again.outlen != reply.outlen ||
	    memcmp(again.out, reply.out, reply.outlen) != 0)
		abort();
	free(msg);
	proto_reply_free(&again);
	proto_reply_free(&reply);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	check_request(data, size);
	check_reply(data, size);
	return 0;
}
