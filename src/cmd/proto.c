/* Control messages: msgpack-c's packer out, our checked reader in. */
#include "proto.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <msgpack.h>

#include "util/msgpack_read.h"
#include "util/xmalloc.h"

static void pack_bin(msgpack_packer *pk, const char *p, size_t n)
{
	msgpack_pack_bin(pk, n);
	msgpack_pack_bin_body(pk, p, n);
}

static void pack_request(msgpack_packer *pk, const void *arg)
{
	const struct proto_request *req = arg;
	msgpack_pack_array(pk, req->has_env	     ? 8
			       : req->has_pane	     ? 7
			       : req->udp_host != NULL ? 6
						       : 5);
	msgpack_pack_uint32(pk, PROTO_VERSION);
	msgpack_pack_array(pk, req->argc);
	for (int i = 0; i < req->argc; i++)
		pack_bin(pk, req->argv[i], strlen(req->argv[i]));
	pack_bin(pk, req->cwd, strlen(req->cwd));
	msgpack_pack_uint32(pk, req->cols);
	msgpack_pack_uint32(pk, req->rows);
	if (req->udp_host != NULL) {
		msgpack_pack_array(pk, 3);
		pack_bin(pk, req->udp_host, strlen(req->udp_host));
		msgpack_pack_uint32(pk, req->udp_low);
		msgpack_pack_uint32(pk, req->udp_high);
	} else if (req->has_pane || req->has_env) {
		msgpack_pack_nil(pk); /* no udp element, but one after it */
	}
	if (req->has_pane)
		msgpack_pack_uint32(pk, req->pane);
	else if (req->has_env)
		msgpack_pack_nil(pk);
	if (req->has_env) {
		msgpack_pack_array(pk, req->envc);
		for (uint32_t i = 0; i < req->envc; i++)
			pack_bin(pk, req->envv[i], strlen(req->envv[i]));
	}
}

static void pack_reply(msgpack_packer *pk, const void *arg)
{
	const struct proto_reply *reply = arg;
	msgpack_pack_array(pk, 4);
	msgpack_pack_uint32(pk, PROTO_VERSION);
	msgpack_pack_int(pk, reply->code);
	pack_bin(pk, reply->out, reply->outlen);
	pack_bin(pk, reply->err, reply->errlen);
}

/* A message packed by pack, behind its length header, in memory of our own. */
static uint8_t *encode(void (*pack)(msgpack_packer *, const void *), const void *arg,
		       size_t *len)
{
	msgpack_sbuffer sb;
	msgpack_packer pk;
	msgpack_sbuffer_init(&sb);
	msgpack_packer_init(&pk, &sb, msgpack_sbuffer_write);
	pack(&pk, arg);
	uint8_t *out = xmalloc(PROTO_HEADER + sb.size);
	uint32_t n = (uint32_t)sb.size;
	out[0] = n >> 24;
	out[1] = n >> 16;
	out[2] = n >> 8;
	out[3] = n;
	memcpy(out + PROTO_HEADER, sb.data, sb.size);
	*len = PROTO_HEADER + sb.size;
	msgpack_sbuffer_destroy(&sb);
	return out;
}

uint8_t *proto_request_encode(const struct proto_request *req, size_t *len)
{
	return encode(pack_request, req, len);
}

uint8_t *proto_reply_encode(const struct proto_reply *reply, size_t *len)
{
	return encode(pack_reply, reply, len);
}

/* A bin value as a NUL-terminated copy; a NUL inside fails the reader. */
static char *read_word(mp_reader *r, uint32_t max, size_t *len)
{
	const uint8_t *p;
	uint32_t n;
	if (!mp_read_bin(r, max, &p, &n))
		return NULL;
	if (memchr(p, '\0', n) != NULL) {
		mp_fail(r, "NUL inside a word");
		return NULL;
	}
	if (len != NULL)
		*len = n;
	return xstrndup((const char *)p, n);
}

/* The array's head and the version; its length, between min and max fields, in *n. */
static bool read_version(mp_reader *r, uint32_t min, uint32_t max, uint32_t *n)
{
	uint32_t version;
	if (!mp_read_array(r, min, max, n) || !mp_read_u32(r, UINT32_MAX, &version))
		return false;
	return version == PROTO_VERSION || mp_fail(r, "unknown version");
}

static void read_udp(mp_reader *r, struct proto_request *req)
{
	uint32_t n;
	if (!mp_read_array(r, 3, 3, &n))
		return;
	req->udp_host = read_word(r, PROTO_MAX_HOST, NULL);
	mp_read_u32(r, 65535, &req->udp_low);
	mp_read_u32(r, 65535, &req->udp_high);
	if (r->error == NULL && (req->udp_low == 0 || req->udp_low > req->udp_high))
		mp_fail(r, "bad UDP port range");
}

/* The environment: "NAME=value" words, each with a name before its '='. */
static void read_env(mp_reader *r, struct proto_request *req)
{
	uint32_t n;
	if (!mp_read_array(r, 0, PROTO_MAX_ENV, &n))
		return;
	req->envv = xcalloc(n + 1, sizeof *req->envv);
	req->has_env = true;
	for (uint32_t i = 0; i < n && r->error == NULL; i++) {
		char *entry = read_word(r, PROTO_MAX_REQUEST, NULL);
		if (entry == NULL)
			break;
		req->envv[req->envc++] = entry;
		if (entry[0] == '=' || strchr(entry, '=') == NULL)
			mp_fail(r, "environment entry without a name and '='");
	}
}

const char *proto_request_decode(const uint8_t *body, size_t len, struct proto_request *req)
{
	mp_reader r;
	uint32_t fields = 0, argc;
	memset(req, 0, sizeof *req);
	mp_reader_init(&r, body, len);
	if (read_version(&r, 5, 8, &fields) && mp_read_array(&r, 1, PROTO_MAX_WORDS, &argc)) {
		req->argv = xcalloc(argc + 1, sizeof *req->argv);
		for (uint32_t i = 0; i < argc && r.error == NULL; i++) {
			req->argv[i] = read_word(&r, PROTO_MAX_REQUEST, NULL);
			req->argc += req->argv[i] != NULL;
		}
	}
	req->cwd = read_word(&r, PROTO_MAX_REQUEST, NULL);
	mp_read_u32(&r, PROTO_MAX_SIZE, &req->cols);
	mp_read_u32(&r, PROTO_MAX_SIZE, &req->rows);
	if (fields >= 6 && r.error == NULL) {
		if (fields >= 7 && mp_peek(&r) == MP_NIL)
			mp_read_nil(&r);
		else
			read_udp(&r, req);
	}
	if (fields >= 7 && r.error == NULL) {
		if (fields == 8 && mp_peek(&r) == MP_NIL)
			mp_read_nil(&r);
		else
			req->has_pane = mp_read_u32(&r, UINT32_MAX, &req->pane);
	}
	if (fields == 8 && r.error == NULL)
		read_env(&r, req);
	if (mp_finish(&r))
		return NULL;
	proto_request_free(req);
	return r.error;
}

const char *proto_reply_decode(const uint8_t *body, size_t len, struct proto_reply *reply)
{
	mp_reader r;
	int64_t code = 0;
	uint32_t fields;
	memset(reply, 0, sizeof *reply);
	mp_reader_init(&r, body, len);
	if (read_version(&r, 4, 4, &fields))
		mp_read_int(&r, 0, 255, &code);
	reply->code = (int)code;
	reply->out = read_word(&r, PROTO_MAX_REPLY, &reply->outlen);
	reply->err = read_word(&r, PROTO_MAX_REPLY, &reply->errlen);
	if (mp_finish(&r))
		return NULL;
	proto_reply_free(reply);
	return r.error;
}

void proto_request_free(struct proto_request *req)
{
	for (int i = 0; i < req->argc; i++)
		free(req->argv[i]);
	free(req->argv);
	free(req->cwd);
	free(req->udp_host);
	for (uint32_t i = 0; i < req->envc; i++)
		free(req->envv[i]);
	free(req->envv);
	memset(req, 0, sizeof *req);
}

void proto_reply_free(struct proto_reply *reply)
{
	free(reply->out);
	free(reply->err);
	memset(reply, 0, sizeof *reply);
}

enum proto_frame_state proto_frame_read(struct proto_frame *f, int fd, uint32_t max)
{
	for (;;) {
		size_t want;
		uint8_t *dst;
		if (f->have < PROTO_HEADER) {
			want = PROTO_HEADER - f->have;
			dst = f->header + f->have;
		} else {
			if (f->body == NULL) {
				f->len = (uint32_t)f->header[0] << 24 | (uint32_t)f->header[1] << 16 |
					 (uint32_t)f->header[2] << 8 | f->header[3];
				if (f->len > max)
					return PROTO_FRAME_ERROR;
				f->body = xmalloc(f->len + 1);
			}
			want = PROTO_HEADER + f->len - f->have;
			dst = f->body + (f->have - PROTO_HEADER);
		}
		if (want == 0)
			return PROTO_FRAME_DONE;
		ssize_t n = read(fd, dst, want);
		if (n > 0)
			f->have += (size_t)n;
		else if (n < 0 && errno == EINTR)
			continue;
		else if (n < 0 && errno == EAGAIN)
			return PROTO_FRAME_MORE;
		else
			return PROTO_FRAME_ERROR;
	}
}

void proto_frame_free(struct proto_frame *f)
{
	free(f->body);
	memset(f, 0, sizeof *f);
}
