/*
 * A paste larger than the input log holds unacknowledged (48 KiB) reaches the pane whole
 * and in order: the client waits for acknowledgements rather than drop what does not fit.
 * The pane runs `head -c N` into a file in raw mode; the file must hold the pasted bytes.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "attach_harness.h"
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

	size_t len = PASTE_BYTES;
	char *want, *text = harness_paste_text(len, &want);
	harness_send(c, "\033[200~");
	harness_send(c, text);
	harness_send(c, "\033[201~");
	harness_wait_text(c, "pasted-all");

	harness_check_file(c, out, want, len);
	free(text);
	free(want);
	free(cmd);
	free(out);
	harness_client_free(c);
	return 0;
}
