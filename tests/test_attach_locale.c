/*
 * The client draws every character past ASCII whatever locale it is started in: CJK,
 * emoji, box drawing, U+00A0-U+00FF and combining marks reach its screen as the pane holds
 * them (capture-pane), at the right columns. The test itself sets no locale: the client
 * must (before the fix it never called setlocale, ncursesw drew in the C locale and the
 * line came out as `U:      ? e        end`). In a non-UTF-8 locale the client says so in
 * one line and draws in UTF-8 anyway; with no UTF-8 locale installed it refuses before
 * it creates anything (test_utf8_locale: glibc finds its C.UTF-8 whatever LOCPATH says,
 * so that case cannot be made here).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "attach_harness.h"
#include "check.h"
#include "util/xmalloc.h"

/* The line, then U+00A0-U+00FF, then combining marks over Latin and CJK. */
#define LINE0 "U: \u4e2d\u6587 \u00b1 \u00e9 \u250c\u2500\u2510 \U0001f600 end"
#define LINE2 "e\u0301 a\u0300\u0323 n\u0303 \u4e2d\u0301 x\u20dd| box \u2502\u253c\u2514\u2518"
#define WARNING "rsh: the locale C (character set ANSI_X3.4-1968) is not UTF-8:" \
	" drawing in UTF-8 anyway (C.UTF-8)\r\n"

/* U+00A0-U+00FF in UTF-8. */
static char *latin1_line(void)
{
	char *s = xmalloc(96 * 2 + 1), *p = s;
	for (unsigned cp = 0xa0; cp <= 0xff; cp++) {
		*p++ = (char)(0xc0 | cp >> 6);
		*p++ = (char)(0x80 | (cp & 0x3f));
	}
	*p = '\0';
	return s;
}

static char *write_text(void)
{
	char *path, *latin1 = latin1_line();
	xasprintf(&path, "%s/text", harness_dir());
	FILE *f = fopen(path, "w");
	CHECK(f != NULL);
	/* 96 characters do not fit 80 columns: the second half wraps onto row 2. */
	fprintf(f, "%s\n%s\n%s\n", LINE0, latin1, LINE2);
	fclose(f);
	free(latin1);
	return path;
}

static void check_row(harness_client *c, unsigned row, const char *want)
{
	char *have = harness_row(c, row);
	CHECKF(strcmp(have, want) == 0, "row %u is '%s', not '%s'", row, have, want);
	free(have);
}

/* The pane's text on the client's screen, each character at its column. */
static void check_screen(harness_client *c)
{
	harness_wait_text(c, "end");
	harness_wait_match(c, "work", "work");
	char *latin1 = latin1_line();
	check_row(c, 0, LINE0);
	/* 中 and 文 take two columns each, 😀 two: "end" starts at column 19. */
	char *end = harness_rect(c, 19, 0, 3, 1);
	CHECKF(strcmp(end, "end") == 0, "columns 19-21 of row 0 hold '%s'", end);
	free(end);
	char first[200], second[200];
	snprintf(first, sizeof first, "%.*s", 160, latin1); /* 80 characters, 2 bytes each */
	snprintf(second, sizeof second, "%s", latin1 + 160);
	check_row(c, 1, first);
	check_row(c, 2, second);
	check_row(c, 3, LINE2);
	free(latin1);
}

static harness_client *attach(const char *text, const char *name)
{
	char *cmd;
	xasprintf(&cmd, "cat '%s'; read x", text);
	harness_client *c = harness_client_start(80, 24, "new", "-s", name, "sh", "-c", cmd,
						 (char *)NULL);
	free(cmd);
	return c;
}

int main(void)
{
	harness_init();
	char *text = write_text();

	/* A UTF-8 locale in the environment, as the harness gives every test. */
	harness_client *c = attach(text, "work");
	check_screen(c);
	CHECK(strstr(harness_client_output(c, NULL), "rsh: the locale") == NULL);
	harness_detach(c);

	/* No locale at all (LANG unset, as over many ssh logins): the C locale. */
	unsetenv("LC_ALL");
	unsetenv("LC_CTYPE");
	unsetenv("LANG");
	c = harness_client_start(80, 24, "attach", "-t", "work", (char *)NULL);
	check_screen(c);
	const char *out = harness_client_output(c, NULL);
	CHECKF(strncmp(out, WARNING, strlen(WARNING)) == 0, "the client began with '%.200s'",
	       out);
	harness_detach(c);

	/* A locale that is not installed: said, and UTF-8 anyway. */
	setenv("LANG", "xx_YY.UTF-8", 1);
	c = harness_client_start(80, 24, "attach", "-t", "work", (char *)NULL);
	check_screen(c);
	out = harness_client_output(c, NULL);
	const char *missing = "rsh: the locale xx_YY.UTF-8 is not installed: drawing in UTF-8"
			      " anyway (C.UTF-8)\r\n";
	CHECKF(strncmp(out, missing, strlen(missing)) == 0, "the client began with '%.200s'",
	       out);
	harness_detach(c);

	free(text);
	return 0;
}
