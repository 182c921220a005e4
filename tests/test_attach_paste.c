/*
 * A paste larger than the input log holds unacknowledged (48 KiB) reaches the pane whole
 * and in order: the client waits for acknowledgements rather than drop what does not fit.
 * The pane runs `head -c N` into a file in raw mode; the file must hold the pasted bytes.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "attach_harness.h"
#include "check.h"
#include "util/xmalloc.h"

#define PASTE_BYTES 200000

int main(void)
{
	harness_init();
	char *out, *cmd;
	xasprintf(&out, "%s/pasted", harness_dir());
	/* The pane stays (read) after saying so: a session ending at once could end the
	 * client before it showed the line. */
	xasprintf(&cmd, "stty raw -echo; echo raw-now; head -c %d > '%s'; stty sane; "
		  "echo pasted-all; read x", PASTE_BYTES, out);
	harness_client *c =
		harness_client_start(80, 24, "new", "-s", "work", "sh", "-c", cmd, (char *)NULL);
	harness_wait_rsh(c, ".", "list-panes", "-t", "work", (char *)NULL);
	/* Pasted before stty ran, the tty's ICRNL would turn the CRs into LFs. */
	harness_wait_text(c, "raw-now");

	/* Lines of text with a serial number each, so a lost or repeated piece shows. Line
	 * feeds go to the pane as carriage returns, as typed. */
	char *text = xmalloc(PASTE_BYTES + 1), *want = xmalloc(PASTE_BYTES + 1);
	size_t len = 0;
	for (unsigned line = 0; len < PASTE_BYTES; line++)
		len += (size_t)snprintf(text + len, PASTE_BYTES + 1 - len,
					"%06u the quick brown fox jumps over the lazy dog\n", line);
	len = PASTE_BYTES;
	for (size_t i = 0; i < len; i++)
		want[i] = text[i] == '\n' ? '\r' : text[i];
	harness_send(c, "\033[200~");
	text[len] = '\0';
	harness_send(c, text);
	harness_send(c, "\033[201~");
	harness_wait_text(c, "pasted-all");

	FILE *f = fopen(out, "rb");
	CHECK(f != NULL);
	char *got = xmalloc(PASTE_BYTES + 1);
	size_t n = fread(got, 1, PASTE_BYTES + 1, f);
	fclose(f);
	size_t same = 0;
	while (same < n && same < len && got[same] == want[same])
		same++;
	CHECKF(n == len && same == len, "pasted %zu bytes, the pane got %zu, equal up to %zu", len,
	       n, same);
	free(got);
	free(text);
	free(want);
	free(cmd);
	free(out);
	harness_client_free(c);
	return 0;
}
