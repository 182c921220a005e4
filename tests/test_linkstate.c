/* The link state's text: silent below the threshold, whole seconds above, cut to size. */
#include "check.h"
#include "client/linkstate.h"

static void expect(uint64_t now, uint64_t heard, size_t size, const char *want)
{
	char buf[64];
	size_t len = linkstate_text(buf, size, now, heard);

	CHECKF(strcmp(buf, want) == 0 && len == strlen(want), "now %llu heard %llu: \"%s\"",
	       (unsigned long long)now, (unsigned long long)heard, buf);
}

int main(void)
{
	expect(5000, 5000, 64, "");
	expect(5000 + LINKSTATE_QUIET_MS, 5000, 64, "");
	expect(5001 + LINKSTATE_QUIET_MS, 5000, 64, "last contact 6 s ago");
	expect(125999, 5000, 64, "last contact 120 s ago");
	expect(4000, 5000, 64, "");  /* heard after now: a clock step, not silence */
	expect(19000, 0, 11, "last conta");
	expect(19000, 0, 1, "");
	CHECK(linkstate_text(NULL, 0, 19000, 0) == 0);
	return 0;
}
