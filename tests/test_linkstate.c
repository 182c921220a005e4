/* The link state's text: the round-trip time in contact, whole seconds of silence past the
 * threshold, nothing before the first round trip; cut to size; the path first when given. */
#include "check.h"
#include "client/linkstate.h"

static void expect_at(uint64_t now, uint64_t heard, uint64_t roundtrip, unsigned srtt,
		      bool local, size_t size, const char *want)
{
	struct linkstate ls = { heard, roundtrip, srtt, local, NULL };
	char buf[64];
	size_t len = linkstate_text(buf, size, now, &ls);

	CHECKF(strcmp(buf, want) == 0 && len == strlen(want), "now %llu heard %llu: \"%s\"",
	       (unsigned long long)now, (unsigned long long)heard, buf);
}

static void expect(uint64_t now, uint64_t heard, uint64_t roundtrip, unsigned srtt,
		   size_t size, const char *want)
{
	expect_at(now, heard, roundtrip, srtt, false, size, want);
}

int main(void)
{
	/* Connecting: nothing measured yet, nothing said. */
	expect(5000, 5000, 0, 1000, 64, "");
	/* In contact: the round-trip time. */
	expect(5000, 5000, 4000, 42, 64, "rtt 42 ms");
	expect(5000 + LINKSTATE_QUIET_MS, 5000, 5000, 250, 64, "rtt 250 ms");
	expect(5000, 5000, 4000, 0, 64, "rtt <1 ms");
	/* Silent past the threshold: how long, whatever the last estimate. */
	expect(5001 + LINKSTATE_QUIET_MS, 5000, 5000, 42, 64, "last contact 6 s ago");
	expect(125999, 5000, 0, 42, 64, "last contact 120 s ago");
	expect(4000, 5000, 4000, 7, 64, "rtt 7 ms"); /* heard after now: a clock step */
	expect(19000, 0, 0, 0, 11, "last conta");
	expect(19000, 0, 0, 0, 1, "");
	/* A local server does not fall silent for the network's sake. */
	expect_at(125999, 5000, 5000, 0, true, 64, "last contact 120 s ago, server gone?");
	expect_at(5000, 5000, 4000, 0, true, 64, "rtt <1 ms");
	/* A remote attach says which path it uses first. */
	struct linkstate path = { 5000, 4000, 3, false, "ssh" };
	char buf[64];
	CHECK(linkstate_text(buf, sizeof buf, 5000, &path) == 13 &&
	      strcmp(buf, "ssh, rtt 3 ms") == 0);
	path.path = "udp";
	path.srtt_ms = 0;
	linkstate_text(buf, sizeof buf, 5000, &path);
	CHECKF(strcmp(buf, "udp, rtt <1 ms") == 0, "%s", buf);
	linkstate_text(buf, sizeof buf, 5001 + LINKSTATE_QUIET_MS, &path);
	CHECKF(strcmp(buf, "udp, last contact 6 s ago") == 0, "%s", buf);
	path.last_roundtrip_ms = 0;
	linkstate_text(buf, sizeof buf, 5000, &path);
	CHECKF(strcmp(buf, "udp") == 0, "%s", buf);
	struct linkstate none = { 0, 0, 0, false, NULL };
	CHECK(linkstate_text(NULL, 0, 19000, &none) == 0);
	return 0;
}
