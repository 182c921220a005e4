/* What reaches a terminal from elsewhere: control characters shown, never sent. */
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "util/printable.h"
#include "util/utf8.h"

static void check_copy(const char *in, size_t len, const char *keep, const char *want)
{
	char *got = printable_copy(in, len, keep);
	CHECKF(strcmp(got, want) == 0, "got \"%s\", want \"%s\"", got, want);
	free(got);
}

int main(void)
{
	/* C0, DEL and C1 (U+0080-U+009F) are controls; NBSP and the rest are not. */
	CHECK(utf8_is_control(0) && utf8_is_control(0x1b) && utf8_is_control(0x7f));
	CHECK(utf8_is_control(0x80) && utf8_is_control(0x9b) && utf8_is_control(0x9f));
	CHECK(!utf8_is_control(' ') && !utf8_is_control(0xa0) && !utf8_is_control(0x4e2d));

	CHECK(printable_is_clean("work", 4) && printable_is_clean("caf\xc3\xa9", 5));
	CHECK(printable_is_clean("", 0));
	CHECK(!printable_is_clean("x\033y", 3) && !printable_is_clean("x\x7f", 2));
	CHECK(!printable_is_clean("x\xc2\x9b" "31mRED", 9)); /* C1 CSI in UTF-8 */
	CHECK(!printable_is_clean("x\x9b", 2) && !printable_is_clean("\xc3", 1));
	CHECK(!printable_is_clean("a\0b", 3));

	check_copy("plain text", 10, "", "plain text");
	check_copy("\033]0;PWN\a\033[2J\nfake", 17, "", "\\033]0;PWN\\007\\033[2J\\012fake");
	check_copy("x\xc2\x9b" "31mRED", 9, "", "x\\302\\23331mRED");
	check_copy("bad \x9b byte \xc3", 12, "", "bad \\233 byte \\303");
	check_copy("two\nlines\tand\r", 14, "\n\t", "two\nlines\tand\\015");
	check_copy("a\0b", 3, "\n", "a\\000b");
	check_copy("back\\slash \xe4\xb8\xad", 14, "", "back\\slash \xe4\xb8\xad");
	return 0;
}
