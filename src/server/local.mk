# src/server: the daemon: its objects (sessions, windows, the layout tree of panes), its
# commands, its clients. The command language it speaks is src/cmd's.
noinst_LIBRARIES += src/server/libserver.a
src_server_libserver_a_SOURCES = \
	src/server/layout.c src/server/layout.h src/server/layout_cell.h \
	src/server/layout_set.c src/server/layout_custom.c
SERVER_LIBS = src/server/libserver.a $(CMD_LIBS)
# The server: objects, event loop, control socket, one file per command (as tmux).
src_server_libserver_a_SOURCES += \
	src/server/log.c src/server/log.h \
	src/server/server.c src/server/server.h \
	src/server/agent.c src/server/agent.h \
	src/server/session.c src/server/window.c src/server/pane.c \
	src/server/alerts.c src/server/alerts.h src/server/names.c src/server/names.h \
	src/server/cmd.c src/server/cmd.h src/server/cmd_find.c src/server/cmd_table.c \
	src/server/cmd_attach_session.c src/server/cmd_bind_key.c \
	src/server/cmd_capture_pane.c src/server/cmd_command_prompt.c \
	src/server/cmd_copy_mode.c \
	src/server/cmd_detach_client.c src/server/cmd_has_session.c \
	src/server/cmd_kill_pane.c src/server/cmd_kill_server.c \
	src/server/cmd_kill_session.c src/server/cmd_kill_window.c \
	src/server/cmd_list_clients.c src/server/cmd_list_keys.c \
	src/server/cmd_list_panes.c \
	src/server/cmd_list_sessions.c src/server/cmd_list_windows.c \
	src/server/cmd_new_session.c src/server/cmd_new_window.c \
	src/server/cmd_rename_session.c src/server/cmd_rename_window.c \
	src/server/cmd_resize_pane.c src/server/cmd_select_layout.c \
	src/server/cmd_select_pane.c \
	src/server/cmd_select_window.c src/server/cmd_send_keys.c \
	src/server/cmd_split_window.c src/server/cmd_break_pane.c \
	src/server/cmd_join_pane.c src/server/cmd_rotate_window.c src/server/cmd_swap_pane.c \
	src/server/cmd_move_window.c src/server/cmd_respawn_pane.c src/server/cmd_list_commands.c \
	src/server/cmd_options.c src/server/cmd_set_option.c src/server/cmd_show_options.c \
	src/server/environ.c src/server/environ.h src/server/job.c src/server/job.h \
	src/server/cmd_run_shell.c src/server/cmd_if_shell.c \
	src/server/cmd_set_environment.c src/server/cmd_show_environment.c \
	src/server/options.c src/server/options.h src/server/options_table.c \
	src/server/style.c src/server/style.h \
	src/server/format.c src/server/format.h src/server/format_vars.c src/server/format_vars.h \
	src/server/cfg.c src/server/cfg.h src/server/cmd_source_file.c \
	src/server/cmd_display_message.c src/server/cmd_show_messages.c \
	src/server/message_log.c src/server/message_log.h \
	src/server/client_term.c src/server/client_term.h \
	src/server/cmd_send_prefix.c src/server/cmd_switch_client.c src/server/cmd_unbind_key.c \
	src/server/key_bindings.c src/server/key_bindings.h src/server/key_defaults.c \
	src/server/input.c src/server/input.h \
	src/server/history.c src/server/history.h \
	src/server/paste.c src/server/paste.h \
	src/server/cmd_set_buffer.c src/server/cmd_show_buffer.c src/server/cmd_list_buffers.c \
	src/server/cmd_delete_buffer.c src/server/cmd_paste_buffer.c \
	src/server/cmd_save_buffer.c src/server/cmd_clear_history.c
# Client modes (mode.h): the choosers, display-panes, clock-mode.
src_server_libserver_a_SOURCES += \
	src/server/mode.c src/server/mode.h src/server/mode_tree.c src/server/mode_tree.h \
	src/server/mode_tree_items.c src/server/mode_tree_items.h \
	src/server/cmd_choose_tree.c src/server/cmd_find_window.c src/server/mode_panes.c src/server/mode_panes.h \
	src/server/cmd_display_panes.c src/server/mode_clock.c src/server/mode_clock.h \
	src/server/mode_view.c src/server/mode_view.h \
	src/server/cmd_clock_mode.c
src_server_libserver_a_SOURCES += src/server/cmd_wait_for.c src/server/wait_for.h
src_server_libserver_a_SOURCES += src/server/pane_pipe.c src/server/pane_pipe.h \
	src/server/cmd_pipe_pane.c src/server/cmd_refresh_client.c \
	src/server/cmd_start_server.c src/server/cmd_resize_window.c
bin_PROGRAMS += src/rsh
src_rsh_SOURCES = src/rsh.c src/rsh.h src/rsh_local.c src/rsh_remote.c src/rsh_bootstrap.c
src_rsh_LDADD = src/client/libclient.a src/server/libserver.a src/cmd/libcmd.a src/net/libnet.a \
	$(TERM_LIBS) $(SODIUM_LIBS) $(NCURSES_LIBS)
man1_MANS = docs/rsh.1
