/* The server's debug log: a file in the socket's directory, only when RSH_DEBUG is set. */
#ifndef RSH_SERVER_LOG_H
#define RSH_SERVER_LOG_H

/* Opens dir/rsh-server-PID.log when RSH_DEBUG is set in the environment. */
void log_open(const char *dir);
void log_close(void);
void log_debug(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif
