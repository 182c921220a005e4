/*
 * The table of every command's entry (cmd/entry.h), and finding a command by name. Each
 * entry lives in its command's file; adding a command adds one line here and one there.
 */
#include <stdlib.h>
#include <string.h>

#include "cmd/args.h"
#include "cmd/word.h"
#include "util/xmalloc.h"

extern const struct cmd_entry cmd_attach_session_entry, cmd_bind_key_entry,
	cmd_break_pane_entry, cmd_capture_pane_entry, cmd_clear_history_entry,
	cmd_command_prompt_entry, cmd_confirm_before_entry, cmd_copy_mode_entry,
	cmd_delete_buffer_entry, cmd_detach_client_entry, cmd_display_message_entry,
	cmd_find_window_entry,
	cmd_has_session_entry, cmd_if_shell_entry, cmd_join_pane_entry, cmd_kill_pane_entry,
	cmd_kill_server_entry, cmd_kill_session_entry, cmd_kill_window_entry,
	cmd_last_pane_entry, cmd_last_window_entry, cmd_list_buffers_entry,
	cmd_list_clients_entry, cmd_list_commands_entry, cmd_list_keys_entry,
	cmd_list_panes_entry, cmd_list_sessions_entry, cmd_list_windows_entry,
	cmd_load_buffer_entry, cmd_move_pane_entry, cmd_move_window_entry,
	cmd_new_session_entry, cmd_new_window_entry, cmd_next_layout_entry,
	cmd_next_window_entry, cmd_paste_buffer_entry, cmd_previous_layout_entry,
	cmd_previous_window_entry, cmd_rename_session_entry, cmd_rename_window_entry,
	cmd_resize_pane_entry, cmd_respawn_pane_entry, cmd_respawn_window_entry,
	cmd_rotate_window_entry, cmd_run_shell_entry, cmd_save_buffer_entry,
	cmd_select_layout_entry, cmd_select_pane_entry, cmd_select_window_entry,
	cmd_send_keys_entry, cmd_send_prefix_entry, cmd_set_buffer_entry,
	cmd_set_environment_entry, cmd_set_option_entry, cmd_set_window_option_entry,
	cmd_show_buffer_entry, cmd_show_environment_entry, cmd_show_messages_entry,
	cmd_show_options_entry, cmd_show_window_options_entry, cmd_source_file_entry,
	cmd_split_window_entry, cmd_swap_pane_entry, cmd_swap_window_entry,
	cmd_switch_client_entry, cmd_unbind_key_entry;
extern const struct cmd_entry cmd_choose_buffer_entry, cmd_choose_client_entry,
	cmd_choose_tree_entry, cmd_clock_mode_entry, cmd_display_panes_entry,
	cmd_wait_for_entry;
extern const struct cmd_entry cmd_pipe_pane_entry, cmd_refresh_client_entry,
	cmd_suspend_client_entry, cmd_start_server_entry, cmd_resize_window_entry;

const struct cmd_entry *const cmd_table[] = {
	&cmd_attach_session_entry,
	&cmd_bind_key_entry,
	&cmd_break_pane_entry,
	&cmd_capture_pane_entry,
	&cmd_choose_buffer_entry,
	&cmd_choose_client_entry,
	&cmd_choose_tree_entry,
	&cmd_clear_history_entry,
	&cmd_clock_mode_entry,
	&cmd_command_prompt_entry,
	&cmd_confirm_before_entry,
	&cmd_copy_mode_entry,
	&cmd_delete_buffer_entry,
	&cmd_detach_client_entry,
	&cmd_display_message_entry,
	&cmd_display_panes_entry,
	&cmd_find_window_entry,
	&cmd_has_session_entry,
	&cmd_if_shell_entry,
	&cmd_join_pane_entry,
	&cmd_kill_pane_entry,
	&cmd_kill_server_entry,
	&cmd_kill_session_entry,
	&cmd_kill_window_entry,
	&cmd_last_pane_entry,
	&cmd_last_window_entry,
	&cmd_list_buffers_entry,
	&cmd_list_clients_entry,
	&cmd_list_commands_entry,
	&cmd_list_keys_entry,
	&cmd_list_panes_entry,
	&cmd_list_sessions_entry,
	&cmd_list_windows_entry,
	&cmd_load_buffer_entry,
	&cmd_move_pane_entry,
	&cmd_move_window_entry,
	&cmd_new_session_entry,
	&cmd_new_window_entry,
	&cmd_next_layout_entry,
	&cmd_next_window_entry,
	&cmd_paste_buffer_entry,
	&cmd_pipe_pane_entry,
	&cmd_previous_layout_entry,
	&cmd_previous_window_entry,
	&cmd_refresh_client_entry,
	&cmd_rename_session_entry,
	&cmd_rename_window_entry,
	&cmd_resize_pane_entry,
	&cmd_resize_window_entry,
	&cmd_respawn_pane_entry,
	&cmd_respawn_window_entry,
	&cmd_rotate_window_entry,
	&cmd_run_shell_entry,
	&cmd_save_buffer_entry,
	&cmd_select_layout_entry,
	&cmd_select_pane_entry,
	&cmd_select_window_entry,
	&cmd_send_keys_entry,
	&cmd_send_prefix_entry,
	&cmd_set_buffer_entry,
	&cmd_set_environment_entry,
	&cmd_set_option_entry,
	&cmd_set_window_option_entry,
	&cmd_show_buffer_entry,
	&cmd_show_environment_entry,
	&cmd_show_messages_entry,
	&cmd_show_options_entry,
	&cmd_show_window_options_entry,
	&cmd_source_file_entry,
	&cmd_split_window_entry,
	&cmd_start_server_entry,
	&cmd_suspend_client_entry,
	&cmd_swap_pane_entry,
	&cmd_swap_window_entry,
	&cmd_switch_client_entry,
	&cmd_unbind_key_entry,
	&cmd_wait_for_entry,
	NULL,
};

static bool is_alias(const struct cmd_entry *c, const char *name)
{
	for (size_t i = 0; i < sizeof c->alias / sizeof *c->alias && c->alias[i] != NULL; i++)
		if (strcmp(c->alias[i], name) == 0)
			return true;
	return false;
}

const struct cmd_entry *cmd_entry_exact(const char *name)
{
	for (const struct cmd_entry *const *c = cmd_table; *c != NULL; c++)
		if (strcmp((*c)->name, name) == 0 || is_alias(*c, name))
			return *c;
	return NULL;
}

static bool is_prefix(const char *name, const struct cmd_entry *c)
{
	return *name != '\0' && strncmp(c->name, name, strlen(name)) == 0;
}

/* The names name is a prefix of, separated by ", ". */
static char *candidates(const char *name)
{
	size_t len = 1;
	for (const struct cmd_entry *const *c = cmd_table; *c != NULL; c++)
		len += strlen((*c)->name) + 2;
	char *out = xcalloc(1, len);
	for (const struct cmd_entry *const *c = cmd_table; *c != NULL; c++) {
		if (!is_prefix(name, *c))
			continue;
		if (*out != '\0')
			strcat(out, ", ");
		strcat(out, (*c)->name);
	}
	return out;
}

const struct cmd_entry *cmd_entry_find(const char *name, char **cause)
{
	const struct cmd_entry *found = cmd_entry_exact(name);
	size_t matches = 0;
	if (found != NULL)
		return found;
	for (const struct cmd_entry *const *c = cmd_table; *c != NULL; c++)
		if (is_prefix(name, *c)) {
			found = *c;
			matches++;
		}
	if (matches == 1)
		return found;
	char *word = word_escape(name);
	if (matches == 0) {
		xasprintf(cause, "unknown command: %s", word);
	} else {
		char *list = candidates(name);
		xasprintf(cause, "ambiguous command: %s, could be: %s", word, list);
		free(list);
	}
	free(word);
	return NULL;
}

int args_parse_command(int argc, char *const argv[], struct args *a, char **cause)
{
	memset(a, 0, sizeof *a);
	if (argc < 1) {
		*cause = xstrdup("no command");
		return -1;
	}
	const struct cmd_entry *entry = cmd_entry_find(argv[0], cause);
	return entry != NULL ? args_parse(entry, argc, argv, a, cause) : -1;
}
