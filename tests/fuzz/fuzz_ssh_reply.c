/* Fuzz target: what ssh brings back from the host (client/ssh_reply.h). The first byte is
 * ssh's exit code, the second where the rest splits into its stdout and its stderr. A
 * connect line found must be a valid one; a reason must be one short printable line. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

#include "client/ssh_reply.h"
#include "util/printable.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 2)
		return 0;
	int status = W_EXITCODE(data[0], 0);
	size_t rest = size - 2, split = rest * data[1] / 256;
	const char *out = (const char *)data + 2, *err = out + split;
	struct net_connect c;
	char *why = ssh_reply_read(out, split, err, rest - split, status, &c);
	if (why == NULL) {
		if (c.port < 1 || c.port > 65535)
			abort();
		return 0;
	}
	size_t len = strlen(why);
	/* The quoted line's bytes may each become a four-byte escape. */
	if (len > 4 * SSH_REPLY_QUOTE_MAX + 100 || !printable_is_clean(why, len))
		abort();
	free(why);
	return 0;
}
