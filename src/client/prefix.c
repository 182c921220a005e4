/*
 * The prefix bindings: tmux's defaults, as far as the server has the commands. Unlike tmux, C-b & kills the window without asking first.
 */
#include "prefix.h"

#include <string.h>

#include "term/keys.h"

#define CMD(k, h, ...) {.key = k, .action = PREFIX_COMMAND, .words = {__VA_ARGS__, NULL}, .help = h}
#define CLIENT(k, h, ...) {.key = k, .action = PREFIX_CLIENT, .words = {__VA_ARGS__, NULL}, .help = h}
#define REPEAT(k, h, ...) {.key = k, .action = PREFIX_COMMAND, .words = {__VA_ARGS__, NULL}, .help = h, .repeat = true}
#define WINDOW(n) CMD(#n, "Select window " #n, "select-window", "-t", ":" #n)

static const struct prefix_binding bindings[] = {
	{.key = "C-b", .action = PREFIX_SEND_PREFIX, .help = "Send the prefix key"},
	CMD("\"", "Split window vertically", "split-window", "-v"),
	CMD("%", "Split window horizontally", "split-window", "-h"),
	CMD("&", "Kill current window (no confirmation)", "kill-window"),
	{.key = ",", .action = PREFIX_PROMPT, .words = {"rename-window", NULL},
	 .prompt = "(rename-window) ", .help = "Rename current window"},
	WINDOW(0), WINDOW(1), WINDOW(2), WINDOW(3), WINDOW(4),
	WINDOW(5), WINDOW(6), WINDOW(7), WINDOW(8), WINDOW(9),
	{.key = "?", .action = PREFIX_HELP, .help = "List key bindings"},
	CMD("c", "Create a new window", "new-window"),
	CLIENT("[", "Enter copy mode", "copy-mode"),
	CMD("]", "Paste the most recent paste buffer", "paste-buffer", "-p"),
	CMD("-", "Delete the most recent paste buffer", "delete-buffer"),
	CLIENT("PPage", "Enter copy mode and scroll up", "copy-mode", "-u"),
	{.key = "d", .action = PREFIX_DETACH, .help = "Detach the current client"},
	CMD("n", "Select the next window", "next-window"),
	CMD("o", "Select the next pane", "select-pane", "-t", ":.+"),
	CMD("p", "Select the previous window", "previous-window"),
	CMD("x", "Kill the active pane", "kill-pane"),
	CMD("z", "Zoom the active pane", "resize-pane", "-Z"),
	CMD("Space", "Select next layout", "next-layout"),
	CMD("E", "Spread panes out evenly", "select-layout", "-E"),
	CMD("M-1", "Set the even-horizontal layout", "select-layout", "even-horizontal"),
	CMD("M-2", "Set the even-vertical layout", "select-layout", "even-vertical"),
	CMD("M-3", "Set the main-horizontal layout", "select-layout", "main-horizontal"),
	CMD("M-4", "Set the main-vertical layout", "select-layout", "main-vertical"),
	CMD("M-5", "Select the tiled layout", "select-layout", "tiled"),
	CMD("!", "Break pane to a new window", "break-pane"),
	CMD(";", "Move to the previously active pane", "last-pane"),
	CMD("{", "Swap the active pane with the pane above", "swap-pane", "-U"),
	CMD("}", "Swap the active pane with the pane below", "swap-pane", "-D"),
	CMD("C-o", "Rotate through the panes", "rotate-window"),
	CMD("M-o", "Rotate through the panes in reverse", "rotate-window", "-D"),
	REPEAT("Up", "Select the pane above the active pane", "select-pane", "-U"),
	REPEAT("Down", "Select the pane below the active pane", "select-pane", "-D"),
	REPEAT("Left", "Select the pane to the left of the active pane", "select-pane", "-L"),
	REPEAT("Right", "Select the pane to the right of the active pane", "select-pane", "-R"),
	REPEAT("C-Up", "Resize the pane up", "resize-pane", "-U"),
	REPEAT("C-Down", "Resize the pane down", "resize-pane", "-D"),
	REPEAT("C-Left", "Resize the pane left", "resize-pane", "-L"),
	REPEAT("C-Right", "Resize the pane right", "resize-pane", "-R"),
	REPEAT("M-Up", "Resize the pane up by 5", "resize-pane", "-U", "5"),
	REPEAT("M-Down", "Resize the pane down by 5", "resize-pane", "-D", "5"),
	REPEAT("M-Left", "Resize the pane left by 5", "resize-pane", "-L", "5"),
	REPEAT("M-Right", "Resize the pane right by 5", "resize-pane", "-R", "5"),
};
#define NBINDINGS (sizeof bindings / sizeof *bindings)

bool prefix_is_prefix(const term_key *key)
{
	return key->code == TERM_KEY_CHAR && key->ch == 'b' && key->mods == TERM_MOD_CTRL;
}

/* A binding's key, spelt as send-keys and the key tables spell them (term/keys.h), or one
 * ASCII character as itself. */
static bool binding_key(const char *name, term_key *key)
{
	if (keys_lookup(name, key))
		return true;
	if (name[0] == '\0' || name[1] != '\0')
		return false;
	*key = (term_key){.code = TERM_KEY_CHAR, .ch = (uint8_t)name[0]};
	return true;
}

const struct prefix_binding *prefix_lookup(const term_key *key)
{
	term_key k;
	for (size_t i = 0; i < NBINDINGS; i++)
		if (binding_key(bindings[i].key, &k) && k.code == key->code &&
		    k.mods == key->mods && k.ch == key->ch)
			return &bindings[i];
	return NULL;
}

const struct prefix_binding *prefix_bindings(size_t *n)
{
	*n = NBINDINGS;
	return bindings;
}
