/* Environments: sorted name/value arrays (environ.h). */
#include "environ.h"

#include <fnmatch.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "util/xmalloc.h"

extern char **environ;

struct environ environ_global;

static size_t slot(const struct environ *env, const char *name)
{
	size_t lo = 0, hi = env->n;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (strcmp(env->v[mid].name, name) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

void environ_init_global(void)
{
	for (char **e = environ; *e != NULL; e++) {
		const char *eq = strchr(*e, '=');
		if (eq == NULL || eq == *e)
			continue;
		char *name = xstrndup(*e, (size_t)(eq - *e));
		environ_set(&environ_global, name, eq + 1);
		free(name);
	}
}

struct environ *environ_create(void)
{
	return xcalloc(1, sizeof(struct environ));
}

static void clear(struct environ *env)
{
	for (size_t i = 0; i < env->n; i++) {
		free(env->v[i].name);
		free(env->v[i].value);
	}
	free(env->v);
	*env = (struct environ){0};
}

void environ_free(struct environ *env)
{
	if (env == NULL)
		return;
	clear(env);
	if (env != &environ_global)
		free(env);
}

struct environ_entry *environ_find(const struct environ *env, const char *name)
{
	size_t i = slot(env, name);
	return i < env->n && strcmp(env->v[i].name, name) == 0 ? &env->v[i] : NULL;
}

void environ_set(struct environ *env, const char *name, const char *value)
{
	struct environ_entry *e = environ_find(env, name);
	if (e == NULL) {
		size_t i = slot(env, name);
		env->v = xreallocarray(env->v, env->n + 1, sizeof *env->v);
		memmove(&env->v[i + 1], &env->v[i], (env->n - i) * sizeof *env->v);
		env->n++;
		e = &env->v[i];
		*e = (struct environ_entry){xstrdup(name), NULL};
	}
	free(e->value);
	e->value = value != NULL ? xstrdup(value) : NULL;
}

void environ_unset(struct environ *env, const char *name)
{
	struct environ_entry *e = environ_find(env, name);
	if (e == NULL)
		return;
	size_t i = (size_t)(e - env->v);
	free(e->name);
	free(e->value);
	memmove(&env->v[i], &env->v[i + 1], (env->n - i - 1) * sizeof *env->v);
	env->n--;
}

static char *pair(const struct environ_entry *e)
{
	size_t nl = strlen(e->name), vl = strlen(e->value);
	char *s = xmalloc(nl + vl + 2);
	memcpy(s, e->name, nl);
	s[nl] = '=';
	memcpy(s + nl + 1, e->value, vl + 1);
	return s;
}

char **environ_envp(const struct environ *session)
{
	size_t most = environ_global.n + (session != NULL ? session->n : 0), n = 0;
	char **envp = xcalloc(most + 1, sizeof *envp);
	for (size_t i = 0; i < environ_global.n; i++) {
		const struct environ_entry *e = &environ_global.v[i];
		if (session != NULL && environ_find(session, e->name) != NULL)
			continue; /* the session's wins */
		if (e->value != NULL)
			envp[n++] = pair(e);
	}
	for (size_t i = 0; session != NULL && i < session->n; i++)
		if (session->v[i].value != NULL)
			envp[n++] = pair(&session->v[i]);
	return envp;
}

void environ_update(struct environ *dst, const char *patterns, char *const *from, size_t n)
{
	while (*patterns != '\0') {
		size_t len = strcspn(patterns, "\n");
		char *pattern = xstrndup(patterns, len);
		bool found = false;
		for (size_t i = 0; i < n; i++) {
			const char *eq = strchr(from[i], '=');
			char *name = xstrndup(from[i], (size_t)(eq - from[i]));
			if (fnmatch(pattern, name, 0) == 0) {
				environ_set(dst, name, eq + 1);
				found = true;
			}
			free(name);
		}
		if (!found)
			environ_set(dst, pattern, NULL);
		free(pattern);
		patterns += len + (patterns[len] == '\n');
	}
}

void environ_free_envp(char **envp)
{
	for (size_t i = 0; envp != NULL && envp[i] != NULL; i++)
		free(envp[i]);
	free(envp);
}
