/* Target parsing: every form tmux users write, and the refusals with their one line. */
#include <string.h>

#include "check.h"
#include "cmd/target.h"

static bool part_is(const struct target_part *p, enum target_form form, long value,
		    const char *name)
{
	if (p->form != form || p->value != value)
		return false;
	return name == NULL ? p->name == NULL : p->name != NULL && strcmp(p->name, name) == 0;
}

#define CUR TARGET_CURRENT, 0, NULL

static void ok(const char *s, enum target_kind kind, enum target_form sf, long sv,
	       const char *sn, enum target_form wf, long wv, const char *wn,
	       enum target_form pf, long pv, const char *pn)
{
	struct target t;
	char *e = target_parse(s, kind, &t);
	CHECKF(e == NULL, "%s: %s", s, e);
	CHECKF(part_is(&t.session, sf, sv, sn), "%s: session", s);
	CHECKF(part_is(&t.window, wf, wv, wn), "%s: window", s);
	CHECKF(part_is(&t.pane, pf, pv, pn), "%s: pane", s);
	target_free(&t);
}

static void bad(const char *s, enum target_kind kind, const char *error)
{
	struct target t;
	char *e = target_parse(s, kind, &t);
	CHECKF(e != NULL && strcmp(e, error) == 0, "%s: got \"%s\"", s, e ? e : "(none)");
	CHECK(t.session.form == TARGET_CURRENT && t.session.name == NULL);
	CHECK(t.window.form == TARGET_CURRENT && t.window.name == NULL);
	CHECK(t.pane.form == TARGET_CURRENT && t.pane.name == NULL);
	free(e);
}

static void test_forms(void)
{
	ok("work", TARGET_SESSION, TARGET_NAME, 0, "work", CUR, CUR);
	ok("work:2", TARGET_PANE, TARGET_NAME, 0, "work", TARGET_NUMBER, 2, "2", CUR);
	ok("work:2.1", TARGET_PANE, TARGET_NAME, 0, "work", TARGET_NUMBER, 2, "2",
	   TARGET_NUMBER, 1, "1");
	ok("work:logs.0", TARGET_PANE, TARGET_NAME, 0, "work", TARGET_NAME, 0, "logs",
	   TARGET_NUMBER, 0, "0");
	ok(":2", TARGET_WINDOW, CUR, TARGET_NUMBER, 2, "2", CUR);
	ok(":.1", TARGET_PANE, CUR, CUR, TARGET_NUMBER, 1, "1");
	ok("2.1", TARGET_PANE, CUR, TARGET_NUMBER, 2, "2", TARGET_NUMBER, 1, "1");
	ok("work:", TARGET_WINDOW, TARGET_NAME, 0, "work", CUR, CUR);
	ok("work:.", TARGET_PANE, TARGET_NAME, 0, "work", CUR, CUR);
	ok("", TARGET_PANE, CUR, CUR, CUR);
	ok("=work", TARGET_SESSION, TARGET_EXACT, 0, "work", CUR, CUR);
	ok("=work:=logs", TARGET_WINDOW, TARGET_EXACT, 0, "work", TARGET_EXACT, 0, "logs", CUR);
	ok(":+", TARGET_WINDOW, CUR, TARGET_OFFSET, 1, NULL, CUR);
	ok(":-", TARGET_WINDOW, CUR, TARGET_OFFSET, -1, NULL, CUR);
	ok(":+3", TARGET_WINDOW, CUR, TARGET_OFFSET, 3, NULL, CUR);
	ok(":.+", TARGET_PANE, CUR, CUR, TARGET_OFFSET, 1, NULL);
	ok(":.-2", TARGET_PANE, CUR, CUR, TARGET_OFFSET, -2, NULL);
	ok("+", TARGET_PANE, CUR, CUR, TARGET_OFFSET, 1, NULL);
	ok("+", TARGET_WINDOW, CUR, TARGET_OFFSET, 1, NULL, CUR);

	/* A bare word designates what the command acts on; ids say for themselves. */
	ok("2", TARGET_SESSION, TARGET_NAME, 0, "2", CUR, CUR);
	ok("2", TARGET_WINDOW, CUR, TARGET_NUMBER, 2, "2", CUR);
	ok("2", TARGET_PANE, CUR, CUR, TARGET_NUMBER, 2, "2");
	ok("logs", TARGET_PANE, CUR, TARGET_NAME, 0, "logs", CUR);
	ok("$3", TARGET_PANE, TARGET_ID, 3, NULL, CUR, CUR);
	ok("@7", TARGET_SESSION, CUR, TARGET_ID, 7, NULL, CUR);
	ok("%12", TARGET_SESSION, CUR, CUR, TARGET_ID, 12, NULL);
	ok("work:@7.%12", TARGET_PANE, TARGET_NAME, 0, "work", TARGET_ID, 7, NULL, TARGET_ID, 12,
	   NULL);
	ok("2147483647", TARGET_WINDOW, CUR, TARGET_NUMBER, 2147483647, "2147483647", CUR);
	/* Any bytes are a name: resolution decides whether one matches. */
	ok("\xff\xfe:\x01", TARGET_WINDOW, TARGET_NAME, 0, "\xff\xfe", TARGET_NAME, 0, "\x01", CUR);
}

/* `=` and `{mouse}` alone are the mouse target, for any kind; in a longer target `=`
 * is still the exact-name prefix. */
static void test_mouse(void)
{
	static const char *const forms[] = {"=", "{mouse}"};
	for (size_t i = 0; i < 2; i++)
		for (int kind = TARGET_SESSION; kind <= TARGET_PANE; kind++) {
			struct target t;
			char *e = target_parse(forms[i], (enum target_kind)kind, &t);
			CHECKF(e == NULL && t.mouse && t.session.form == TARGET_CURRENT &&
			       t.window.form == TARGET_CURRENT && t.pane.form == TARGET_CURRENT,
			       "%s: %s", forms[i], e ? e : "not the mouse");
			target_free(&t);
		}
	struct target t;
	CHECK(target_parse("=work", TARGET_SESSION, &t) == NULL && !t.mouse);
	target_free(&t);
}

static void test_refusals(void)
{
	bad(":.x", TARGET_PANE, "bad target: :.x (a pane is a number, +N, -N or %N)");
	bad("work:1.2.3", TARGET_PANE,
	    "bad target: work:1.2.3 (a pane is a number, +N, -N or %N)");
	bad(":.2147483648", TARGET_PANE,
	    "bad target: :.2147483648 (a pane is a number, +N, -N or %N)");
	bad("=x:=", TARGET_SESSION, "bad target: =x:= (no name after =)");
	bad("work:=", TARGET_WINDOW, "bad target: work:= (no name after =)");
	bad("$", TARGET_SESSION, "bad target: $ (an id is $, @ or % and a number)");
	bad("%x", TARGET_WINDOW, "bad target: %x (an id is $, @ or % and a number)");
	bad("@-1", TARGET_WINDOW, "bad target: @-1 (an id is $, @ or % and a number)");
	bad(":+x", TARGET_WINDOW, "bad target: :+x (an offset is + or - and a number)");
	bad("-x", TARGET_PANE, "bad target: -x (an offset is + or - and a number)");
	/* The line stays printable and short whatever the bytes. */
	bad("\x1b[2J:.\n", TARGET_PANE,
	    "bad target: \\033[2J:.\\012 (a pane is a number, +N, -N or %N)");
	char big[200];
	memset(big, 'w', sizeof big);
	memcpy(big + 190, ":.x", 4);
	struct target t;
	char *e = target_parse(big, TARGET_PANE, &t);
	CHECK(e != NULL && strlen(e) < 120 && strstr(e, "www... (") != NULL);
	free(e);
}

int main(void)
{
	test_forms();
	test_refusals();
	test_mouse();
	return 0;
}
