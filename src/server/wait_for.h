/* wait-for's channels (cmd_wait_for.c). */
#ifndef RSH_SERVER_WAIT_FOR_H
#define RSH_SERVER_WAIT_FOR_H

/* Drops every channel and the requests waiting on them, unanswered (the server exits). */
void wait_for_free_all(void);

#endif
