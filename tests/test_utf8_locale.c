/*
 * The client's locale (utf8_locale.c): the environment's when it is UTF-8; else the
 * first installed fallback, said in one line; none installed: a refusal saying what to
 * do. Each case runs in a child: setlocale is process-wide.
 */
#include <langinfo.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "check.h"
#include "client/utf8_locale.h"

/* Runs utf8_locale_with in a child with LANG=lang (LC_ALL, LC_CTYPE unset); returns what
 * it wrote and whether it accepted; *codeset gets LC_CTYPE's character set after. */
static char *run(const char *lang, const char *const *fallbacks, size_t n, bool *ok,
		 char codeset[64])
{
	int p[2];
	CHECK(pipe(p) == 0);
	pid_t pid = fork();
	if (pid == 0) {
		FILE *err = fdopen(p[1], "w");
		close(p[0]);
		unsetenv("LC_ALL");
		unsetenv("LC_CTYPE");
		if (lang != NULL)
			setenv("LANG", lang, 1);
		else
			unsetenv("LANG");
		bool accepted = utf8_locale_with(err, fallbacks, n);
		fprintf(err, "%c%s", accepted ? 'Y' : 'N', nl_langinfo(CODESET));
		fclose(err);
		_exit(0);
	}
	close(p[1]);
	static char buf[4096];
	size_t len = 0;
	ssize_t r;
	while ((r = read(p[0], buf + len, sizeof buf - 1 - len)) > 0)
		len += (size_t)r;
	buf[len] = '\0';
	close(p[0]);
	int status;
	CHECK(waitpid(pid, &status, 0) == pid && WIFEXITED(status));
	char *mark = strrchr(buf, '\n');
	mark = mark != NULL ? mark + 1 : buf;
	*ok = mark[0] == 'Y';
	snprintf(codeset, 64, "%s", mark + 1);
	*mark = '\0';
	return buf;
}

int main(void)
{
	static const char *const usual[] = { "C.UTF-8", "en_US.UTF-8" };
	static const char *const none[] = { "xx_YY.UTF-8", "zz_ZZ.UTF-8" };
	static const char *const later[] = { "xx_YY.UTF-8", "C.UTF-8" };
	char set[64];
	bool ok;

	/* UTF-8 already: silent. */
	char *said = run("C.UTF-8", usual, 2, &ok, set);
	CHECKF(ok && strcmp(said, "") == 0 && strcmp(set, "UTF-8") == 0, "'%s' %s", said, set);
	/* The C locale: said, and UTF-8 anyway. */
	said = run(NULL, usual, 2, &ok, set);
	CHECKF(ok && strcmp(set, "UTF-8") == 0, "%s", set);
	CHECKF(strcmp(said, "rsh: the locale C (character set ANSI_X3.4-1968) is not UTF-8:"
			    " drawing in UTF-8 anyway (C.UTF-8)\n") == 0, "'%s'", said);
	/* A fallback that is not installed is passed over. */
	said = run("POSIX", later, 2, &ok, set);
	CHECKF(ok && strcmp(set, "UTF-8") == 0, "%s", set);
	CHECKF(strcmp(said, "rsh: the locale POSIX (character set ANSI_X3.4-1968) is not UTF-8:"
			    " drawing in UTF-8 anyway (C.UTF-8)\n") == 0, "'%s'", said);
	/* Not installed, and no UTF-8 locale either: refused, saying what to do. */
	said = run("xx_YY.ISO-8859-1", none, 2, &ok, set);
	CHECK(!ok);
	CHECKF(strcmp(said, "rsh: the locale xx_YY.ISO-8859-1 is not installed and no UTF-8"
			    " locale is installed (tried xx_YY.UTF-8, zz_ZZ.UTF-8): set LANG to"
			    " one that `locale -a` lists\n") == 0, "'%s'", said);
	return 0;
}
