/*
 * For test_roam_forward, preloaded (LD_PRELOAD) into the programs it starts: getaddrinfo
 * holds a name ending in ".block.test" until the file $RSH_TEST_BLOCK/release exists (20 s
 * at most), making $RSH_TEST_BLOCK/resolving when asked and .../resolved when it answers,
 * and answers as for 127.0.0.1. Any other name goes to libc's getaddrinfo.
 */
#include <dlfcn.h>
#include <netdb.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define SUFFIX ".block.test"

typedef int getaddrinfo_fn(const char *, const char *, const struct addrinfo *,
			   struct addrinfo **);

static void mark(const char *dir, const char *name)
{
	char path[4096];
	snprintf(path, sizeof path, "%s/%s", dir, name);
	FILE *f = fopen(path, "w");
	if (f != NULL)
		fclose(f);
}

static void hold(const char *dir)
{
	char path[4096];
	snprintf(path, sizeof path, "%s/release", dir);
	mark(dir, "resolving");
	for (int i = 0; i < 2000 && access(path, F_OK) != 0; i++)
		usleep(10000);
	mark(dir, "resolved");
}

int getaddrinfo(const char *node, const char *service, const struct addrinfo *hints,
		struct addrinfo **res)
{
	getaddrinfo_fn *libc = (getaddrinfo_fn *)dlsym(RTLD_NEXT, "getaddrinfo");
	const char *dir = getenv("RSH_TEST_BLOCK");
	size_t n = node != NULL ? strlen(node) : 0, k = strlen(SUFFIX);
	if (dir != NULL && n > k && strcmp(node + n - k, SUFFIX) == 0) {
		hold(dir);
		node = "127.0.0.1";
	}
	return libc(node, service, hints, res);
}
