/*
 * The control socket: where it lives, who may use it. One server per user, in a private
 * directory: $XDG_RUNTIME_DIR/rsh when that is usable, else /tmp/rsh-UID. The directory is
 * created mode 0700 and refused if another user owns it or others may enter it; every
 * connection's peer must be our own uid.
 */
#ifndef RSH_CMD_SOCKET_H
#define RSH_CMD_SOCKET_H

#include <stdbool.h>

/*
 * The socket path for label (-L, "default" normally) in the per-user directory, created if
 * needed. Returns it allocated, or NULL and an allocated one-line error.
 */
char *socket_default_path(const char *label, char **error);
/* Checks (creating when missing) the directory that holds path; NULL or an error line. */
char *socket_check_dir(const char *path);

/* A listening socket at path, non-blocking, close-on-exec; -1 with errno on failure. */
int socket_listen(const char *path);
/* A connection to path, blocking; -1 with errno (ENOENT, ECONNREFUSED: no server). */
int socket_connect(const char *path);
/* Accepts one connection if its peer is our uid; -1 otherwise (the others are closed). */
int socket_accept(int listen_fd);

#endif
