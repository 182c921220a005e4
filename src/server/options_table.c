/*
 * Every option rsh knows, with tmux 3.3's name, type, scope and default (tmux.1 says what
 * each does; docs/rsh.1 lists them). UNWIRED marks those whose behaviour rsh lacks:
 * setting one is refused (options.h). Keep the table in name order.
 */
#include <limits.h>
#include <stddef.h>

#include "options.h"
#include "term/cell.h"
#include "term/keytable.h"

#define SERVER OPTION_SCOPE_SERVER
#define SESSION OPTION_SCOPE_SESSION
#define WINDOW OPTION_SCOPE_WINDOW
#define PANE (OPTION_SCOPE_WINDOW | OPTION_SCOPE_PANE)

#define CHOICES(...) ((const char *const[]){__VA_ARGS__, NULL})

/* Each expands to an entry's designators: {NUMBER(...)} or {NUMBER(...), UNWIRED}. */
#define STRING(n, sc, d) .name = n, .type = OPTION_STRING, .scope = sc, .default_str = d
#define STYLE(n, sc, d) .name = n, .type = OPTION_STYLE, .scope = sc, .default_str = d
#define KEY(n, sc, d) .name = n, .type = OPTION_KEY, .scope = sc, .default_str = d
#define ARRAY(n, sc, d, sep) \
	.name = n, .type = OPTION_ARRAY, .scope = sc, .default_str = d, .separator = sep
#define NUMBER(n, sc, lo, hi, d, u) \
	.name = n, .type = OPTION_NUMBER, .scope = sc, .min = lo, .max = hi, .default_num = d, \
	.unit = u
#define FLAG(n, sc, d) .name = n, .type = OPTION_FLAG, .scope = sc, .default_num = d
#define CHOICE(n, sc, c, d) \
	.name = n, .type = OPTION_CHOICE, .scope = sc, .choices = c, .default_num = d
#define COLOUR(n, sc, d) .name = n, .type = OPTION_COLOUR, .scope = sc, .default_num = d
#define UNWIRED .unwired = true

#define MS "milliseconds"

/* tmux 3.3's status-format: the first line is status-left, the window list and
 * status-right; the second the current window's panes. */
static const char *const status_format_default[] = {
	"#[align=left range=left #{E:status-left-style}]"
	"#[push-default]#{T;=/#{status-left-length}:status-left}#[pop-default]"
	"#[norange default]#[list=on align=#{status-justify}]#[list=left-marker]<"
	"#[list=right-marker]>#[list=on]#{W:"
	"#[range=window|#{window_index} #{E:window-status-style}#{?#{&&:#{window_last_fla"
	"g},#{!=:#{E:window-status-last-style},default}}, #{E:window-status-last-style},}"
	"#{?#{&&:#{window_bell_flag},#{!=:#{E:window-status-bell-style},default}}, #{E:wi"
	"ndow-status-bell-style},#{?#{&&:#{||:#{window_activity_flag},#{window_silence_fl"
	"ag}},#{!=:#{E:window-status-activity-style},default}}, #{E:window-status-activit"
	"y-style},}}]#[push-default]#{T:window-status-format}#[pop-default]"
	"#[norange default]#{?window_end_flag,,#{window-status-separator}},"
	"#[range=window|#{window_index} list=focus #{?#{!=:#{E:window-status-current-styl"
	"e},default},#{E:window-status-current-style},#{E:window-status-style}}#{?#{&&:#{"
	"window_last_flag},#{!=:#{E:window-status-last-style},default}}, #{E:window-statu"
	"s-last-style},}#{?#{&&:#{window_bell_flag},#{!=:#{E:window-status-bell-style},de"
	"fault}}, #{E:window-status-bell-style},#{?#{&&:#{||:#{window_activity_flag},#{wi"
	"ndow_silence_flag}},#{!=:#{E:window-status-activity-style},default}}, #{E:window"
	"-status-activity-style},}}]#[push-default]#{T:window-status-current-format}"
	"#[pop-default]"
	"#[norange list=on default]#{?window_end_flag,,#{window-status-separator}}}"
	"#[nolist align=right range=right #{E:status-right-style}]"
	"#[push-default]#{T;=/#{status-right-length}:status-right}#[pop-default]"
	"#[norange default]",
	"#[align=centre]#{P:#{?pane_active,"
	"#[reverse],}#{pane_index}[#{pane_width}x#{pane_height}]#[default] }",
	NULL,
};

const struct option_entry options_table[] = {
	{CHOICE("activity-action", SESSION, CHOICES("none", "any", "current", "other"), 3)},
	{FLAG("aggressive-resize", WINDOW, 0)},
	{FLAG("allow-rename", PANE, 0)},
	{FLAG("automatic-rename", WINDOW, 1)},
	/* pane_in_mode is never true here (copy mode is the client's, not the pane's) */
	{STRING("automatic-rename-format", WINDOW,
		"#{?pane_in_mode,[tmux],#{pane_current_command}}#{?pane_dead,[dead],}")},
	{NUMBER("base-index", SESSION, 0, INT_MAX, 0, NULL)},
	{CHOICE("bell-action", SESSION, CHOICES("none", "any", "current", "other"), 1)},
	{NUMBER("buffer-limit", SERVER, 1, INT_MAX, 50, NULL)},
	{COLOUR("clock-mode-colour", WINDOW, TERM_COLOUR_PALETTE(4))},
	{CHOICE("clock-mode-style", WINDOW, CHOICES("12", "24"), 1)},
	{STRING("copy-command", SERVER, "")},
	{STRING("default-command", SESSION, "")},
	{STRING("default-shell", SESSION, "/bin/sh")},
	/* tmux 3.3 says screen; our emulator is xterm's, as rsh has always said */
	{STRING("default-terminal", SERVER, "xterm-256color")},
	{FLAG("destroy-unattached", SESSION, 0)},
	{CHOICE("detach-on-destroy", SESSION, CHOICES("off", "on", "no-detached"), 1)},
	{COLOUR("display-panes-active-colour", SESSION, TERM_COLOUR_PALETTE(1))},
	{COLOUR("display-panes-colour", SESSION, TERM_COLOUR_PALETTE(4))},
	{NUMBER("display-panes-time", SESSION, 1, INT_MAX, 1000, MS)},
	{NUMBER("display-time", SESSION, 0, INT_MAX, 750, MS)},
	{NUMBER("escape-time", SERVER, 0, INT_MAX, 500, MS)},
	{FLAG("exit-empty", SERVER, 1)},
	{FLAG("exit-unattached", SERVER, 0)},
	{FLAG("focus-events", SERVER, 0)},
	{NUMBER("history-limit", SESSION, 0, INT_MAX, 2000, "lines")},
	{STRING("main-pane-height", WINDOW, "24")},
	{STRING("main-pane-width", WINDOW, "80")},
	{STYLE("message-command-style", SESSION, "bg=black,fg=yellow")},
	{STYLE("message-style", SESSION, "bg=yellow,fg=black")},
	{CHOICE("mode-keys", WINDOW, CHOICES("emacs", "vi"), 0)},
	{STYLE("mode-style", WINDOW, "bg=yellow,fg=black")},
	{FLAG("monitor-activity", WINDOW, 0)},
	{FLAG("monitor-bell", WINDOW, 1)},
	{NUMBER("monitor-silence", WINDOW, 0, INT_MAX, 0, "seconds")},
	{FLAG("mouse", SESSION, 0)},
	{STRING("other-pane-height", WINDOW, "0")},
	{STRING("other-pane-width", WINDOW, "0")},
	{STYLE("pane-active-border-style", WINDOW,
	       "#{?pane_in_mode,fg=yellow,#{?synchronize-panes,fg=red,fg=green}}")},
	{NUMBER("pane-base-index", WINDOW, 0, 65535, 0, NULL)},
	{STRING("pane-border-format", PANE,
		"#{?pane_active,#[reverse],}#{pane_index}#[default] \"#{pane_title}\"")},
	{CHOICE("pane-border-lines", WINDOW,
		CHOICES("single", "double", "heavy", "simple", "number"), 0)},
	{CHOICE("pane-border-status", WINDOW, CHOICES("off", "top", "bottom"), 0)},
	{STYLE("pane-border-style", WINDOW, "default")},
	{KEY("prefix", SESSION, "C-b")},
	{KEY("prefix2", SESSION, "None")},
	{CHOICE("remain-on-exit", PANE, CHOICES("off", "on", "failed"), 0)},
	{STRING("remain-on-exit-format", PANE,
		"Pane is dead (#{?#{!=:#{pane_dead_status},},status #{pane_dead_status},}"
		"#{?#{!=:#{pane_dead_signal},},signal #{pane_dead_signal},}, "
		"#{t:pane_dead_time})")},
	{FLAG("renumber-windows", SESSION, 0)},
	{NUMBER("repeat-time", SESSION, 0, SHRT_MAX, 500, MS)},
	{CHOICE("set-clipboard", SERVER, CHOICES("off", "external", "on"), 1)},
	{FLAG("set-titles", SESSION, 0)},
	{STRING("set-titles-string", SESSION, "#S:#I:#W - \"#T\" #{session_alerts}")},
	{CHOICE("silence-action", SESSION, CHOICES("none", "any", "current", "other"), 3)},
	{CHOICE("status", SESSION, CHOICES("off", "on", "2", "3", "4", "5"), 1)},
	{COLOUR("status-bg", SESSION, TERM_COLOUR_DEFAULT)},
	{COLOUR("status-fg", SESSION, TERM_COLOUR_DEFAULT)},
	{ARRAY("status-format", SESSION, NULL, " ,"), .default_arr = status_format_default},
	{NUMBER("status-interval", SESSION, 0, INT_MAX, 15, "seconds")},
	{CHOICE("status-justify", SESSION, CHOICES("left", "centre", "right", "absolute-centre"),
		0)},
	{CHOICE("status-keys", SESSION, CHOICES("emacs", "vi"), 0)},
	{STRING("status-left", SESSION, "[#{session_name}] ")},
	{NUMBER("status-left-length", SESSION, 0, SHRT_MAX, 10, NULL)},
	{STYLE("status-left-style", SESSION, "default")},
	{CHOICE("status-position", SESSION, CHOICES("top", "bottom"), 1)},
	{STRING("status-right", SESSION, "\"#{=21:pane_title}\" %H:%M %d-%b-%y")},
	{NUMBER("status-right-length", SESSION, 0, SHRT_MAX, 40, NULL)},
	{STYLE("status-right-style", SESSION, "default")},
	{STYLE("status-style", SESSION, "bg=green,fg=black")},
	{FLAG("synchronize-panes", PANE, 0)},
	{ARRAY("terminal-features", SERVER,
	       "xterm*:clipboard:ccolour:cstyle:focus:title,screen*:title", ",")},
	{ARRAY("terminal-overrides", SERVER, "", ",")},
	{ARRAY("update-environment", SESSION,
	       "DISPLAY KRB5CCNAME SSH_ASKPASS SSH_AUTH_SOCK SSH_AGENT_PID SSH_CONNECTION "
	       "WINDOWID XAUTHORITY",
	       " ")},
	{CHOICE("visual-activity", SESSION, CHOICES("off", "on", "both"), 0)},
	{CHOICE("visual-bell", SESSION, CHOICES("off", "on", "both"), 0)},
	{CHOICE("visual-silence", SESSION, CHOICES("off", "on", "both"), 0)},
	{CHOICE("window-size", WINDOW, CHOICES("largest", "smallest", "manual", "latest"), 3)},
	{STYLE("window-status-activity-style", WINDOW, "reverse")},
	{STYLE("window-status-bell-style", WINDOW, "reverse")},
	{STRING("window-status-current-format", WINDOW, "#I:#W#{?window_flags,#{window_flags}, }")},
	{STYLE("window-status-current-style", WINDOW, "default")},
	{STRING("window-status-format", WINDOW, "#I:#W#{?window_flags,#{window_flags}, }")},
	{STYLE("window-status-last-style", WINDOW, "default")},
	{STRING("window-status-separator", WINDOW, " ")},
	{STYLE("window-status-style", WINDOW, "default")},
	{STRING("word-separators", SESSION, KEY_SEPARATORS_DEFAULT)},
	{.name = NULL},
};
