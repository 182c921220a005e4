/*
 * The server's objects, as tmux's: sessions hold windows, windows hold panes laid out by a
 * layout tree. Every object has an id unique for the server's life ($N, @N, %N). A pane is
 * a child process on a pty with the emulator its output goes to.
 */
#ifndef RSH_SERVER_SERVER_H
#define RSH_SERVER_SERVER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>
#include <time.h>

#include "layout.h"
#include "term/emulator.h"
#include "term/pty.h"

#define SERVER_DEFAULT_COLS 80
#define SERVER_DEFAULT_ROWS 24

struct window;
struct session;

struct options;

struct pane {
	uint32_t id;
	struct window *window;
	struct options *options; /* inherits from its window's */
	term_pty pty;
	term_emulator *em;
	unsigned cols, rows;
	bool input_off; /* select-pane -d: keys and pastes for it are dropped */
	bool exited; /* its process is gone: the pane closes once its output is read */
	bool dead;   /* nothing more to read; removed at the end of the loop turn */
	bool kept;   /* dead but kept (remain-on-exit): its pty closed, shown until killed */
	time_t dead_time; /* when it was kept (#{pane_dead_time}) */
	struct pane_pipe *pipe; /* pipe-pane's (pane_pipe.h), or NULL */
	uint64_t active_point; /* server.uses when it was last made active (tmux's) */
};

struct window {
	uint32_t id;
	unsigned index;
	char *name;
	struct session *session;
	struct layout *layout;
	struct pane **panes; /* in creation order; layout_list gives the index order */
	size_t npanes;
	struct pane *active;
	struct pane *last; /* the pane active before it (tmux's last pane), or NULL */
	unsigned cols, rows;
	struct options *options; /* inherits from options_global_window */
	unsigned alerts; /* enum window_alert: what happened since it was last current */
	/* automatic-rename (names.h): output since the last check, and when that was. */
	bool name_due;
	uint64_t name_checked_ms;
	/* monitor-silence (alerts.h): when the silence alert is due, 0 for never. */
	uint64_t silence_due_ms;
	uint64_t activity; /* server.uses at its panes' latest output (choosers' time order) */
};

/* tmux's winlink alert flags (alerts.h): # ! and ~ in window_flags. */
enum window_alert {
	WINDOW_ALERT_ACTIVITY = 1u << 0,
	WINDOW_ALERT_BELL = 1u << 1,
	WINDOW_ALERT_SILENCE = 1u << 2,
};

struct session {
	uint32_t id;
	char *name;
	time_t created;
	uint64_t used; /* the server's use counter when last made current */
	struct window **windows; /* by index */
	size_t nwindows;
	struct window *current;
	struct window *last; /* the window current before it (tmux's last window), or NULL */
	char *cwd;           /* the start directory: new-session's -c, else where it ran */
	struct options *options; /* inherits from options_global_session */
	struct environ *environ; /* over environ_global (environ.h) */
};

struct server {
	struct session **sessions; /* by creation */
	size_t nsessions;
	uint32_t next_session, next_window, next_pane;
	uint64_t uses;
	bool exiting; /* kill-server */
	const char *socket_path; /* the control socket, for the panes' RSH */
	bool marked_set; /* select-pane -m: the marked pane, while it lasts */
	uint32_t marked;
};

extern struct server server;

/*
 * What to run in a new pane, and how (cmd_spawn fills it from the options): argv when
 * given (one word runs through `shell -c`, as tmux), else the default command through the
 * shell when not empty, else the shell itself. NULL shell: the user's $SHELL, else
 * /bin/sh. cwd may be NULL or "". NULL term: xterm-256color.
 */
struct spawn {
	int argc;
	char *const *argv;
	const char *cwd;
	uint32_t session;    /* the session it is for: its id goes in the pane's RSH */
	const char *shell;   /* default-shell */
	const char *command; /* default-command, or NULL */
	const char *term;    /* default-terminal: TERM inside the pane */
	char **env;          /* the environment (environ_envp), or NULL: the server's */
	unsigned history;    /* history-limit: scrollback lines kept */
};

/* session.c */
struct session *session_create(const char *name, unsigned cols, unsigned rows,
			       const struct spawn *sp, char **error);
void session_destroy(struct session *s);
struct session *session_find_name(const char *name);
struct session *session_find_id(uint32_t id);
/* The most recently used session, or NULL. */
struct session *session_current(void);
void session_touch(struct session *s);
/* The lowest index from base-index on that no window of s uses. */
unsigned session_free_index(const struct session *s);
void session_attach_window(struct session *s, struct window *w);
/* Makes w (a window of s) the current one; the one before becomes the last window. */
void session_select_window(struct session *s, struct window *w);
/* Frees index in s (new-window -a/-b): the windows from it to the first gap move up one. */
unsigned session_shuffle_up(struct session *s, unsigned index);
/* Takes w out of s without ending it; picks another current window (NULL when none). */
void session_unlink_window(struct session *s, struct window *w);
/*
 * Detaches w; picks another current window; renumbers the rest with renumber-windows on.
 * Destroys s when it was the last.
 */
void session_detach_window(struct session *s, struct window *w);
/* Numbers s's windows from base-index on, in their order, without gaps. */
void session_renumber(struct session *s);
/* A name is one printable line; NULL or why not. */
const char *session_check_name(const char *name);

/* window.c */
struct window *window_create(unsigned index, unsigned cols, unsigned rows,
			     const struct spawn *sp, const char *name, char **error);
/* A window of cols by rows around p, a pane of no window (break-pane). */
struct window *window_create_with(unsigned index, struct pane *p, unsigned cols, unsigned rows,
				  const char *name);
void window_destroy(struct window *w);
/* Renames w; a name a user gave (rename-window, -n) turns automatic-rename off for w, as
 * tmux does. */
void window_set_name(struct window *w, const char *name, bool by_user);
struct pane *window_find_pane(const struct window *w, uint32_t id);
/* The pane at index (layout order), or NULL. */
struct pane *window_pane_at(const struct window *w, size_t index);
size_t window_pane_index(const struct window *w, const struct pane *p);
/* Splits p; the new pane runs sp. NULL and an allocated reason when nothing changed. */
struct pane *window_split(struct window *w, struct pane *p, const struct layout_place *where,
			  const struct spawn *sp, char **error);
/* Removes p; destroys the window (and then maybe the session) with its last pane. */
void window_remove_pane(struct window *w, struct pane *p);
/* Makes p (a pane of w) active; the one before becomes the last pane. */
void window_set_active(struct window *w, struct pane *p);
/* Takes p, not w's only pane, out of w without ending it (break-pane, join-pane). */
void window_take_pane(struct window *w, struct pane *p);
/*
 * Moves src beside dst, in dst's window, as where says (join-pane, move-pane), the target
 * split first as tmux does; a window left empty goes (and its session with its last).
 * NULL, or why nothing changed.
 */
const char *window_join_pane(struct pane *dst, struct pane *src, const struct layout_place *where);
/*
 * Swaps two panes' places, in one window or two (swap-pane): each takes the other's cell,
 * index and window. A pane leaving its window hands its activity to the one coming in.
 */
void window_swap_panes(struct pane *a, struct pane *b);
/* Gives every pane the size the layout now has for it, with the border status lines the
 * window's pane-border-status asks for (layout_set_border). */
void window_apply_layout(struct window *w);
/* Resizes the window (clamped to the layout's limits) and its panes, when it changed. */
void window_resize(struct window *w, unsigned cols, unsigned rows);

/* pane.c */
/* A pane with the given id (server.next_pane++) running sp; NULL and an allocated reason. */
struct pane *pane_create(uint32_t id, unsigned cols, unsigned rows, const struct spawn *sp,
			 char **error);
void pane_destroy(struct pane *p);
/* Kills p's program (respawn-pane -k) and starts sp in its place on a fresh screen. */
bool pane_respawn(struct pane *p, const struct spawn *sp, char **error);
void pane_resize(struct pane *p, unsigned cols, unsigned rows);
/*
 * Reads at most one bounded chunk of output into the emulator. Once the process has
 * exited, a read that finds nothing marks the pane dead too: a background child holding
 * the pty open does not keep it.
 */
void pane_read(struct pane *p);
struct pane *pane_find_id(uint32_t id, struct window **w);
/*
 * Whether remain-on-exit keeps p, now dead: on, or failed and its program did not exit
 * 0. A kept pane's pty is closed and "Pane is dead (status N, DATE)" written on it, as
 * tmux does; it stays until killed.
 */
bool pane_keep(struct pane *p);

/* server.c */
/*
 * Runs the server on a socket listening at path until its last session ends, then removes
 * path; returns the exit status. First it reads config (an absolute path), or when NULL
 * the user's default config file (cfg.h).
 */
int server_run(int listen_fd, const char *path, const char *config);
/* How many panes all sessions hold. */
size_t server_pane_count(void);
/* A child hung up on but not yet reaped: the loop reaps it when it goes. */
void server_orphan(pid_t pid);

#endif
