/*
 * A 1 MB bracketed paste over a bad link (each way: 20 % loss, 10 % duplicated, 10 %
 * reordered, 30 ms delay, 20 ms jitter) reaches the pane whole, exactly once and in
 * order, and keys typed after it arrive after it. The pane runs `head -c N` into a file in
 * raw mode. A large frame's resend used to reuse its message id after newer messages had
 * been delivered, and the server dropped it as stale for ever: the paste stopped at a few
 * kB. A stall fails the test: the client then reads none of its terminal's input.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "check.h"
#include "roam_link.h"
#include "util/xmalloc.h"

#define PASTE_BYTES (1024 * 1024)
#define CHUNK 65536
#define IMPAIR "loss=20,dup=10,reorder=10,delay=30,jitter=20"

int main(void)
{
	harness_init();
	char *out, *cmd;
	xasprintf(&out, "%s/pasted", harness_dir());
	xasprintf(&cmd, "stty raw -echo; head -c %d > '%s'; stty sane; echo pasted-all; "
		  "read x; echo \"after:$x\"; read x", PASTE_BYTES, out);
	CHECK(harness_rsh(NULL, "new", "-d", "-s", "work", "sh", "-c", cmd, (char *)NULL) == 0);
	char *flags[] = { "-u", IMPAIR, "-d", IMPAIR, "-s", NULL, "-T", "1200", NULL };
	char seed[32];
	snprintf(seed, sizeof seed, "%lu", roam_seed());
	flags[5] = seed;
	struct roam_link l = { 0 };
	roam_bootstrap(&l, "work");
	roam_proxy_start(&l, 0, flags);
	harness_client *c = roam_link_client(&l, 80, 24);
	harness_wait_match(c, "work", "work");

	size_t len = PASTE_BYTES;
	char *want, *text = harness_paste_text(len, &want);
	long long start = roam_now_ms();
	harness_send(c, "\033[200~");
	for (size_t off = 0; off < len; off += CHUNK) {
		char saved = text[off + CHUNK < len ? off + CHUNK : len];
		text[off + CHUNK < len ? off + CHUNK : len] = '\0';
		harness_send(c, text + off); /* fails when the client stops reading */
		text[off + CHUNK < len ? off + CHUNK : len] = saved;
	}
	harness_send(c, "\033[201~");
	harness_wait_text(c, "pasted-all");
	printf("1 MB pasted through the impaired link in %lld ms\n", roam_now_ms() - start);
	harness_send(c, "typed\r");
	harness_wait_text(c, "after:typed");

	harness_check_file(c, out, want, len);
	roam_proxy_stop(&l, "paste", NULL, NULL);
	free(text);
	free(want);
	free(cmd);
	free(out);
	harness_client_free(c);
	return 0;
}
