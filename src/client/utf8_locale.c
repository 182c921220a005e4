/* The client's character set: see utf8_locale.h. */
#include "utf8_locale.h"

#include <langinfo.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "util/xmalloc.h"

static bool codeset_is_utf8(void)
{
	const char *set = nl_langinfo(CODESET);

	return strcasecmp(set, "UTF-8") == 0 || strcasecmp(set, "UTF8") == 0;
}

/* The locale the environment names for LC_CTYPE, as setlocale reads it. */
static const char *env_name(void)
{
	static const char *const vars[] = { "LC_ALL", "LC_CTYPE", "LANG" };
	size_t i;

	for (i = 0; i < sizeof vars / sizeof vars[0]; i++) {
		const char *v = getenv(vars[i]);
		if (v != NULL && *v != '\0')
			return v;
	}
	return "C";
}

/* Says in one line why the client cannot draw: which locales it tried. */
static void refuse(FILE *err, const char *why, const char *const *fallbacks, size_t n)
{
	size_t i;

	fprintf(err, "rsh: %s and no UTF-8 locale is installed (tried ", why);
	for (i = 0; i < n; i++)
		fprintf(err, "%s%s", i > 0 ? ", " : "", fallbacks[i]);
	fprintf(err, "): set LANG to one that `locale -a` lists\n");
}

bool utf8_locale_with(FILE *err, const char *const *fallbacks, size_t n)
{
	bool known = setlocale(LC_CTYPE, "") != NULL;
	char *why;
	size_t i;

	if (known && codeset_is_utf8())
		return true;
	if (known)
		xasprintf(&why, "the locale %s (character set %s) is not UTF-8", env_name(),
			  nl_langinfo(CODESET));
	else
		xasprintf(&why, "the locale %s is not installed", env_name());
	for (i = 0; i < n; i++)
		if (setlocale(LC_CTYPE, fallbacks[i]) != NULL && codeset_is_utf8())
			break;
	if (i < n)
		fprintf(err, "rsh: %s: drawing in UTF-8 anyway (%s)\n", why, fallbacks[i]);
	else
		refuse(err, why, fallbacks, n);
	free(why);
	return i < n;
}

bool utf8_locale_init(FILE *err)
{
	static const char *const fallbacks[] = { "C.UTF-8", "en_US.UTF-8" };

	return utf8_locale_with(err, fallbacks, sizeof fallbacks / sizeof fallbacks[0]);
}
