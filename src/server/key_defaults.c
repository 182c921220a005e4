/*
 * tmux 3.3's default key bindings, for the commands rsh has: one line per binding, the
 * command as tmux's command syntax. Adding a command's default key is adding its line.
 * Left out until rsh has their commands: see docs/rsh.1 ("Default key bindings").
 */
#include "key_bindings.h"

#include <stdio.h>
#include <stdlib.h>

#include "cmd/cmdlist.h"
#include "term/keyname.h"

static const struct {
	const char *table, *key;
	bool repeat;
	const char *note, *command;
} defaults[] = {
	{"prefix", "C-b", 0, "Send the prefix key", "send-prefix"},
	{"prefix", "C-o", 0, "Rotate through the panes", "rotate-window"},
	{"prefix", "Space", 0, "Select next layout", "next-layout"},
	{"prefix", "!", 0, "Break pane to a new window", "break-pane"},
	{"prefix", "\"", 0, "Split window vertically", "split-window"},
	{"prefix", "$", 0, "Rename current session",
	 "command-prompt -I \"#S\" \"rename-session -- '%%'\""},
	{"prefix", "%", 0, "Split window horizontally", "split-window -h"},
	{"prefix", "&", 0, "Kill current window",
	 "confirm-before -p \"kill-window #W? (y/n)\" kill-window"},
	{"prefix", "'", 0, "Prompt for window index to select",
	 "command-prompt -p index \"select-window -t ':%%'\""},
	{"prefix", "(", 0, "Switch to previous client", "switch-client -p"},
	{"prefix", ")", 0, "Switch to next client", "switch-client -n"},
	{"prefix", ",", 0, "Rename current window",
	 "command-prompt -I \"#W\" \"rename-window -- '%%'\""},
	{"prefix", "0", 0, "Select window 0", "select-window -t :=0"},
	{"prefix", "1", 0, "Select window 1", "select-window -t :=1"},
	{"prefix", "2", 0, "Select window 2", "select-window -t :=2"},
	{"prefix", "3", 0, "Select window 3", "select-window -t :=3"},
	{"prefix", "4", 0, "Select window 4", "select-window -t :=4"},
	{"prefix", "5", 0, "Select window 5", "select-window -t :=5"},
	{"prefix", "6", 0, "Select window 6", "select-window -t :=6"},
	{"prefix", "7", 0, "Select window 7", "select-window -t :=7"},
	{"prefix", "8", 0, "Select window 8", "select-window -t :=8"},
	{"prefix", "9", 0, "Select window 9", "select-window -t :=9"},
	{"prefix", ":", 0, "Prompt for a command", "command-prompt"},
	{"prefix", ".", 0, "Move the current window",
	 "command-prompt \"move-window -t '%%'\""},
	{"prefix", ";", 0, "Move to the previously active pane", "last-pane"},
	{"prefix", "?", 0, "List key bindings", "list-keys -N"},
	{"prefix", "E", 0, "Spread panes out evenly", "select-layout -E"},
	{"prefix", "L", 0, "Switch to the last client", "switch-client -l"},
	{"prefix", "[", 0, "Enter copy mode", "copy-mode"},
	{"prefix", "]", 0, "Paste the most recent paste buffer", "paste-buffer -p"},
	{"prefix", "-", 0, "Delete the most recent paste buffer", "delete-buffer"},
	{"prefix", "c", 0, "Create a new window", "new-window"},
	{"prefix", "d", 0, "Detach the current client", "detach-client"},
	{"prefix", "l", 0, "Select the previously current window", "last-window"},
	{"prefix", "n", 0, "Select the next window", "next-window"},
	{"prefix", "o", 0, "Select the next pane", "select-pane -t :.+"},
	{"prefix", "p", 0, "Select the previous window", "previous-window"},
	{"prefix", "x", 0, "Kill the active pane",
	 "confirm-before -p \"kill-pane #P? (y/n)\" kill-pane"},
	{"prefix", "i", 0, "Display window information", "display-message"},
	{"prefix", "z", 0, "Zoom the active pane", "resize-pane -Z"},
	{"prefix", "{", 0, "Swap the active pane with the pane above", "swap-pane -U"},
	{"prefix", "}", 0, "Swap the active pane with the pane below", "swap-pane -D"},
	{"prefix", "PPage", 0, "Enter copy mode and scroll up", "copy-mode -u"},
	{"prefix", "Up", 1, "Select the pane above the active pane", "select-pane -U"},
	{"prefix", "Down", 1, "Select the pane below the active pane", "select-pane -D"},
	{"prefix", "Left", 1, "Select the pane to the left of the active pane", "select-pane -L"},
	{"prefix", "Right", 1, "Select the pane to the right of the active pane",
	 "select-pane -R"},
	{"prefix", "M-1", 0, "Set the even-horizontal layout", "select-layout even-horizontal"},
	{"prefix", "M-2", 0, "Set the even-vertical layout", "select-layout even-vertical"},
	{"prefix", "M-3", 0, "Set the main-horizontal layout", "select-layout main-horizontal"},
	{"prefix", "M-4", 0, "Set the main-vertical layout", "select-layout main-vertical"},
	{"prefix", "M-5", 0, "Select the tiled layout", "select-layout tiled"},
	{"prefix", "M-o", 0, "Rotate through the panes in reverse", "rotate-window -D"},
	{"prefix", "M-Up", 1, "Resize the pane up by 5", "resize-pane -U 5"},
	{"prefix", "M-Down", 1, "Resize the pane down by 5", "resize-pane -D 5"},
	{"prefix", "M-Left", 1, "Resize the pane left by 5", "resize-pane -L 5"},
	{"prefix", "M-Right", 1, "Resize the pane right by 5", "resize-pane -R 5"},
	{"prefix", "C-Up", 1, "Resize the pane up", "resize-pane -U"},
	{"prefix", "C-Down", 1, "Resize the pane down", "resize-pane -D"},
	{"prefix", "C-Left", 1, "Resize the pane left", "resize-pane -L"},
	{"prefix", "C-Right", 1, "Resize the pane right", "resize-pane -R"},
};

void key_defaults_bind(key_tables *kt)
{
	for (size_t i = 0; i < sizeof defaults / sizeof *defaults; i++) {
		term_key key;
		char **argv, *cause = NULL;
		int argc = cmdlist_parse_line(defaults[i].command, &argv, &cause);
		/* The table is ours: a line that does not read is a bug, found by test_keytable. */
		if (argc <= 0 || !keyname_parse(defaults[i].key, &key) ||
		    key_tables_bind(kt, defaults[i].table, &key, defaults[i].repeat,
				    defaults[i].note, argc, argv, &cause) != 0) {
			fprintf(stderr, "rsh: bad default binding %s\n", defaults[i].key);
			abort();
		}
		cmdlist_free_words(argc, argv);
	}
}
