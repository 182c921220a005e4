/* Panes: a child on a pty whose output feeds an emulator, whose replies go back. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <sodium.h>

#include "agent.h"
#include "alerts.h"
#include "names.h"
#include "format.h"
#include "options.h"
#include "pane_pipe.h"
#include "paste.h"
#include "server.h"
#include "status.h"
#include "term/capture.h"
#include "util/xmalloc.h"

#ifndef PACKAGE_VERSION
#define PACKAGE_VERSION "unknown" /* built outside configure (tests/fuzz/build.sh) */
#endif

extern char **environ;

/* One read per loop turn at most this much: a flooding pane cannot starve the others. */
#define PANE_READ_CHUNK (16u << 10)

/* Replies and encoded keys from the emulator, for the program. */
static void pane_output(const char *buf, size_t len, void *arg)
{
	struct pane *p = arg;
	/* A full queue means the program stopped reading its input; drop rather than block. */
	term_pty_write(&p->pty, buf, len);
}

/*
 * What a pane's program learns of where it runs, as tmux's TMUX, TMUX_PANE, TERM_PROGRAM:
 * RSH=socket,pid,session (so `rsh` inside finds its server and refuses to nest), RSH_PANE,
 * SSH_AUTH_SOCK the server's agent socket (agent.h: whatever agent a client forwards),
 * after the session's environment (env, NULL-terminated, or NULL for the server's own).
 * A new array of new strings: free with free_env.
 */
static char **pane_env(const struct spawn *sp, uint32_t pane)
{
	char **base = sp->env != NULL ? sp->env : environ;
	size_t n = 0;
	while (base[n] != NULL)
		n++;
	char **env = xcalloc(n + 6, sizeof *env);
	size_t k = 0;
	for (size_t i = 0; i < n; i++)
		if (strncmp(base[i], "RSH=", 4) != 0 && strncmp(base[i], "RSH_PANE=", 9) != 0 &&
		    strncmp(base[i], "TERM_PROGRAM=", 13) != 0 &&
		    (agent_path() == NULL || strncmp(base[i], "SSH_AUTH_SOCK=", 14) != 0) &&
		    strncmp(base[i], "TERM_PROGRAM_VERSION=", 21) != 0)
			env[k++] = xstrdup(base[i]);
	xasprintf(&env[k++], "RSH=%s,%ld,%u", server.socket_path != NULL ? server.socket_path : "",
		  (long)getpid(), sp->session);
	xasprintf(&env[k++], "RSH_PANE=%%%u", pane);
	if (agent_path() != NULL)
		xasprintf(&env[k++], "SSH_AUTH_SOCK=%s", agent_path());
	env[k++] = xstrdup("TERM_PROGRAM=rsh");
	env[k++] = xstrdup("TERM_PROGRAM_VERSION=" PACKAGE_VERSION);
	return env;
}

static void free_env(char **env)
{
	for (size_t i = 0; env[i] != NULL; i++)
		free(env[i]);
	free(env);
}

/*
 * Starts the pane's program in the client's directory: the server lives in "/" (so it
 * holds no mount busy), and moves there and back around the fork.
 */
/*
 * set-clipboard, read when a program sets the clipboard (OSC 52), as tmux's: off drops
 * it; external (the default) and on pass it to the terminals of the clients showing the
 * pane; on also makes it a paste buffer.
 */
static bool pane_clipboard_allowed(void *arg, const char *text, size_t len)
{
	long long mode = options_get_number(options_server, "set-clipboard");
	const char *b64 = (const char *)memchr(text, ';', len) + 1;
	size_t b64_len = len - (size_t)(b64 - text), size;
	char *data = xmalloc(b64_len / 4 * 3 + 3);

	(void)arg;
	if (mode == 2 && sodium_base642bin((unsigned char *)data, b64_len / 4 * 3 + 3, b64,
					   b64_len, NULL, &size, NULL,
					   sodium_base64_VARIANT_ORIGINAL) == 0 && size > 0)
		paste_set(NULL, data, size); /* takes data */
	else
		free(data);
	return mode != 0;
}

static int spawn_in(term_pty *pty, const struct spawn *sp, unsigned cols, unsigned rows,
		    uint32_t pane)
{
	char *const *argv = NULL;
	char *shell = (char *)(sp->shell != NULL ? sp->shell : "/bin/sh");
	char *shell_argv[] = {shell, "-c", NULL, NULL};
	if (sp->argc == 1) {
		shell_argv[2] = sp->argv[0];
		argv = shell_argv;
	} else if (sp->argc > 1) {
		argv = sp->argv;
	} else if (sp->command != NULL && *sp->command != '\0') {
		shell_argv[2] = (char *)sp->command;
		argv = shell_argv;
	} else if (sp->shell != NULL) {
		shell_argv[1] = NULL;
		argv = shell_argv;
	}
	bool moved = sp->cwd != NULL && *sp->cwd != '\0' && chdir(sp->cwd) == 0;
	char **env = pane_env(sp, pane);
	int rc = term_pty_spawn(pty, argv, rows, cols, env, sp->term);
	int e = errno;
	free_env(env);
	if (moved && chdir("/") != 0)
		abort(); /* "/" always exists */
	errno = e;
	return rc;
}

struct pane *pane_create(uint32_t id, unsigned cols, unsigned rows, const struct spawn *sp,
			 char **error)
{
	static const struct spawn none = {.history = TERM_SCROLLBACK_DEFAULT};
	if (sp == NULL)
		sp = &none;
	struct pane *p = xcalloc(1, sizeof *p);
	if (spawn_in(&p->pty, sp, cols, rows, id) != 0) {
		xasprintf(error, "cannot start a pane: %s", strerror(errno));
		free(p);
		return NULL;
	}
	p->id = id;
	p->cols = cols;
	p->rows = rows;
	p->em = term_emulator_new(rows, cols, sp->history);
	term_emulator_set_output(p->em, pane_output, p);
	term_emulator_set_clipboard_check(p->em, pane_clipboard_allowed, NULL);
	return p;
}

bool pane_respawn(struct pane *p, const struct spawn *sp, char **error)
{
	term_pty pty = {0};
	if (spawn_in(&pty, sp, p->cols, p->rows, p->id) != 0) {
		xasprintf(error, "cannot start a pane: %s", strerror(errno));
		return false;
	}
	/* The old program is hung up on, as a killed pane's; a fresh screen for the new one. */
	term_pty_close(&p->pty);
	if (!p->pty.reaped && p->pty.pid > 0)
		server_orphan(p->pty.pid);
	p->pty = pty;
	p->exited = p->dead = p->kept = false;
	term_emulator_free(p->em);
	p->em = term_emulator_new(p->rows, p->cols, sp->history);
	term_emulator_set_output(p->em, pane_output, p);
	return true;
}

void pane_destroy(struct pane *p)
{
	pane_pipe_close(p);
	term_pty_close(&p->pty);
	if (!p->pty.reaped && p->pty.pid > 0)
		server_orphan(p->pty.pid);
	term_emulator_free(p->em);
	options_free(p->options);
	free(p);
}

void pane_resize(struct pane *p, unsigned cols, unsigned rows)
{
	if (p->cols == cols && p->rows == rows)
		return;
	p->cols = cols;
	p->rows = rows;
	term_emulator_resize(p->em, rows, cols);
	term_pty_resize(&p->pty, rows, cols);
}

void pane_read(struct pane *p)
{
	static char buf[PANE_READ_CHUNK];
	ssize_t n = term_pty_read(&p->pty, buf, sizeof buf);
	if (n > 0) {
		uint32_t bells = term_emulator_bells(p->em);
		term_emulator_write(p->em, buf, (size_t)n);
		alerts_output(p, term_emulator_bells(p->em) != bells);
		pane_pipe_output(p, buf, (size_t)n);
		names_output(p);
		if (p->window != NULL)
			p->window->activity = ++server.uses;
	}
	else if (n == 0 || p->exited || (errno != EAGAIN && errno != EINTR))
		p->dead = true;
}

/*
 * remain-on-exit-format expanded for the dead pane and drawn as tmux draws it: the screen
 * scrolled up a line from its last row and the text (its #[styles] as SGR) on that row.
 */
static void dead_message(struct pane *p)
{
	const char *format = options_get_string(p->options, "remain-on-exit-format");
	if (*format == '\0')
		return;
	struct format_ctx ctx = {.p = p};
	format_defaults(&ctx);
	char *text = format_expand(format, &ctx);
	term_snapshot *row = term_snapshot_new(1, p->cols);
	term_cell base = term_cell_blank();
	status_format_draw(term_row_writable(&row->lines[0]), p->cols, text, &base, NULL);
	char *shown = term_capture(row, NULL, TERM_CAPTURE_ESCAPES, NULL), *seq;
	shown[strcspn(shown, "\n")] = '\0';
	xasprintf(&seq, "\033[r\033[%u;1H\n\r\033[m%s\033[m", p->rows, shown);
	term_emulator_write(p->em, seq, strlen(seq));
	free(seq);
	free(shown);
	term_snapshot_unref(row);
	free(text);
}

bool pane_keep(struct pane *p)
{
	long long remain = options_get_number(p->options, "remain-on-exit");
	if (remain == 0)
		return false;
	/* Its status: the pty reads its end a moment before the process is reapable. */
	for (int i = 0; i < 100 && !term_pty_reap(&p->pty); i++)
		usleep(1000);
	int st = p->pty.status;
	bool failed = !p->pty.reaped || !WIFEXITED(st) || WEXITSTATUS(st) != 0;
	if (remain == 2 && !failed)
		return false;
	p->dead_time = time(NULL);
	p->kept = true;
	dead_message(p);
	term_pty_close(&p->pty);
	return true;
}

struct pane *pane_find_id(uint32_t id, struct window **wp)
{
	for (size_t i = 0; i < server.nsessions; i++) {
		struct session *s = server.sessions[i];
		for (size_t j = 0; j < s->nwindows; j++) {
			struct pane *p = window_find_pane(s->windows[j], id);
			if (p != NULL) {
				*wp = s->windows[j];
				return p;
			}
		}
	}
	return NULL;
}
