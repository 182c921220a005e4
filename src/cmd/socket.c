/* The control socket's directory, address and peer checks. */
#include "socket.h"

#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include "util/xmalloc.h"

char *socket_check_dir(const char *path)
{
	char *copy = xstrdup(path), *dir = dirname(copy), *error = NULL;
	struct stat st;
	if (mkdir(dir, 0700) != 0 && errno != EEXIST)
		xasprintf(&error, "rsh: cannot create %s: %s", dir, strerror(errno));
	else if (lstat(dir, &st) != 0)
		xasprintf(&error, "rsh: %s: %s", dir, strerror(errno));
	else if (!S_ISDIR(st.st_mode))
		xasprintf(&error, "rsh: %s is not a directory", dir);
	else if (st.st_uid != getuid())
		xasprintf(&error, "rsh: %s is not ours (owner uid %u)", dir, (unsigned)st.st_uid);
	else if ((st.st_mode & 077) != 0)
		xasprintf(&error, "rsh: %s is not private (mode %04o)", dir,
			  (unsigned)(st.st_mode & 07777));
	free(copy);
	return error;
}

/* The runtime directory when it is set, absolute and a directory. */
static const char *runtime_dir(void)
{
	const char *xdg = getenv("XDG_RUNTIME_DIR");
	struct stat st;
	if (xdg == NULL || xdg[0] != '/' || stat(xdg, &st) != 0 || !S_ISDIR(st.st_mode) ||
	    access(xdg, W_OK | X_OK) != 0)
		return NULL;
	return xdg;
}

char *socket_default_path(const char *label, char **error)
{
	char *path;
	const char *xdg = runtime_dir();
	if (strchr(label, '/') != NULL || *label == '\0') {
		xasprintf(error, "rsh: bad socket name: %s", label);
		return NULL;
	}
	if (xdg != NULL)
		xasprintf(&path, "%s/rsh/%s", xdg, label);
	else
		xasprintf(&path, "/tmp/rsh-%u/%s", (unsigned)getuid(), label);
	*error = socket_check_dir(path);
	if (*error == NULL)
		return path;
	free(path);
	return NULL;
}

static bool address(const char *path, struct sockaddr_un *sa)
{
	memset(sa, 0, sizeof *sa);
	sa->sun_family = AF_UNIX;
	if (strlen(path) >= sizeof sa->sun_path) {
		errno = ENAMETOOLONG;
		return false;
	}
	strcpy(sa->sun_path, path);
	return true;
}

int socket_listen(const char *path)
{
	struct sockaddr_un sa;
	if (!address(path, &sa))
		return -1;
	int fd = socket(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
	if (fd < 0)
		return -1;
	mode_t old = umask(0177);
	int ok = bind(fd, (struct sockaddr *)&sa, sizeof sa) == 0 && listen(fd, 64) == 0;
	umask(old);
	if (ok)
		return fd;
	int e = errno;
	close(fd);
	errno = e;
	return -1;
}

int socket_connect(const char *path)
{
	struct sockaddr_un sa;
	if (!address(path, &sa))
		return -1;
	int fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
	if (fd < 0)
		return -1;
	if (connect(fd, (struct sockaddr *)&sa, sizeof sa) == 0)
		return fd;
	int e = errno;
	close(fd);
	errno = e;
	return -1;
}

int socket_accept(int listen_fd)
{
	int fd = accept4(listen_fd, NULL, NULL, SOCK_NONBLOCK | SOCK_CLOEXEC);
	if (fd < 0)
		return -1;
	struct ucred cred;
	socklen_t len = sizeof cred;
	if (getsockopt(fd, SOL_SOCKET, SO_PEERCRED, &cred, &len) != 0 || cred.uid != getuid()) {
		close(fd);
		return -1;
	}
	return fd;
}
