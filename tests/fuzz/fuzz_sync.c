/* Fuzz target: a sync frame carrying an input log diff, decoded and applied by a link. */
#include <stddef.h>
#include <stdint.h>

#include "net/inputlog.h"
#include "net/sync_link.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	inputlog_state *empty = inputlog_state_empty();
	sync_link *l = sync_link_new(&inputlog_ops, empty, &inputlog_ops, empty);
	enum sync_result res;
	const char *err;
	/* Twice: the second lands on whatever the first left behind. */
	for (int i = 0; i < 2; i++)
		if (sync_link_receive(l, data, size, 1 + i, &res, &err) && res == SYNC_NEW) {
			const inputlog_state *s = sync_link_remote(l, NULL);
			uint64_t next = inputlog_state_first(s);
			const uint8_t *ev;
			size_t len;
			while (inputlog_state_next(s, &next, &ev, &len))
				;
		}
	sync_link_free(l);
	inputlog_state_unref(empty);
	return 0;
}
