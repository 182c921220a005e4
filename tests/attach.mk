# Integration tests: the real server and client, the client's screen read through an emulator.
# They run src/rsh (built by `make all`) from the build directory; RSH_BIN overrides it.
EXTRA_DIST += tests/attach_harness.h tests/tmux_layouts.h
ATTACH_HARNESS = tests/attach_harness.c
ATTACH_TESTS = tests/test_attach_harness tests/test_attach_input tests/test_attach_flood \
	tests/test_attach_session tests/test_attach_clients tests/test_attach_end tests/test_attach_gone \
	tests/test_attach_paste tests/test_attach_mouse tests/test_attach_mouse_keys tests/test_attach_mouse_drag tests/test_attach_keys \
	tests/test_attach_locale tests/test_attach_layout tests/test_attach_fidelity \
	tests/test_attach_config tests/test_attach_panes tests/test_attach_clipboard \
	tests/test_attach_titles tests/test_attach_links tests/test_attach_bindings \
	tests/test_attach_windows \
	tests/test_attach_look tests/test_attach_agent tests/test_attach_alerts \
	tests/test_attach_names tests/test_attach_tmuxconf tests/test_attach_sizes \
	tests/test_attach_shared tests/test_attach_stopped tests/test_attach_border_status
check_PROGRAMS += $(ATTACH_TESTS)
TESTS += $(ATTACH_TESTS)
tests_test_attach_harness_SOURCES = tests/test_attach_harness.c $(ATTACH_HARNESS)
tests_test_attach_harness_LDADD = $(TERM_LIBS)
tests_test_attach_input_SOURCES = tests/test_attach_input.c $(ATTACH_HARNESS)
tests_test_attach_input_LDADD = $(TERM_LIBS)
tests_test_attach_flood_SOURCES = tests/test_attach_flood.c $(ATTACH_HARNESS)
tests_test_attach_flood_LDADD = $(TERM_LIBS)
tests_test_attach_session_SOURCES = tests/test_attach_session.c $(ATTACH_HARNESS)
tests_test_attach_session_LDADD = $(TERM_LIBS)
tests_test_attach_clients_SOURCES = tests/test_attach_clients.c $(ATTACH_HARNESS)
tests_test_attach_clients_LDADD = $(TERM_LIBS)
tests_test_attach_end_SOURCES = tests/test_attach_end.c $(ATTACH_HARNESS)
tests_test_attach_end_LDADD = $(TERM_LIBS)
tests_test_attach_gone_SOURCES = tests/test_attach_gone.c $(ATTACH_HARNESS)
tests_test_attach_gone_LDADD = $(TERM_LIBS)
tests_test_attach_paste_SOURCES = tests/test_attach_paste.c $(ATTACH_HARNESS)
tests_test_attach_paste_LDADD = $(TERM_LIBS)
tests_test_attach_mouse_SOURCES = tests/test_attach_mouse.c $(ATTACH_HARNESS)
tests_test_attach_mouse_LDADD = $(TERM_LIBS)
tests_test_attach_mouse_keys_SOURCES = tests/test_attach_mouse_keys.c $(ATTACH_HARNESS)
tests_test_attach_mouse_keys_LDADD = $(TERM_LIBS)
tests_test_attach_mouse_drag_SOURCES = tests/test_attach_mouse_drag.c $(ATTACH_HARNESS)
tests_test_attach_mouse_drag_LDADD = $(TERM_LIBS)
tests_test_attach_keys_SOURCES = tests/test_attach_keys.c $(ATTACH_HARNESS)
tests_test_attach_keys_LDADD = $(TERM_LIBS)
tests_test_attach_locale_SOURCES = tests/test_attach_locale.c $(ATTACH_HARNESS)
tests_test_attach_locale_LDADD = $(TERM_LIBS)
tests_test_attach_layout_SOURCES = tests/test_attach_layout.c $(ATTACH_HARNESS)
tests_test_attach_layout_LDADD = $(TERM_LIBS)
tests_test_attach_fidelity_SOURCES = tests/test_attach_fidelity.c $(ATTACH_HARNESS)
tests_test_attach_fidelity_LDADD = src/client/libclient.a $(TERM_LIBS)
tests_test_attach_alerts_SOURCES = tests/test_attach_alerts.c $(ATTACH_HARNESS)
tests_test_attach_alerts_LDADD = $(TERM_LIBS)
tests_test_attach_names_SOURCES = tests/test_attach_names.c $(ATTACH_HARNESS)
tests_test_attach_names_LDADD = $(TERM_LIBS)
tests_test_attach_tmuxconf_SOURCES = tests/test_attach_tmuxconf.c $(ATTACH_HARNESS)
tests_test_attach_tmuxconf_LDADD = $(TERM_LIBS)
tests_test_attach_sizes_SOURCES = tests/test_attach_sizes.c $(ATTACH_HARNESS)
tests_test_attach_sizes_LDADD = $(TERM_LIBS)
tests_test_attach_border_status_SOURCES = tests/test_attach_border_status.c $(ATTACH_HARNESS)
tests_test_attach_border_status_LDADD = $(TERM_LIBS)
tests_test_attach_look_SOURCES = tests/test_attach_look.c $(ATTACH_HARNESS)
tests_test_attach_look_LDADD = $(TERM_LIBS)
tests_test_attach_config_SOURCES = tests/test_attach_config.c $(ATTACH_HARNESS)
tests_test_attach_config_LDADD = $(TERM_LIBS)
tests_test_attach_panes_SOURCES = tests/test_attach_panes.c $(ATTACH_HARNESS)
tests_test_attach_panes_LDADD = $(TERM_LIBS)
tests_test_attach_clipboard_SOURCES = tests/test_attach_clipboard.c $(ATTACH_HARNESS)
tests_test_attach_clipboard_LDADD = $(TERM_LIBS)
tests_test_attach_titles_SOURCES = tests/test_attach_titles.c $(ATTACH_HARNESS)
tests_test_attach_titles_LDADD = $(TERM_LIBS)
tests_test_attach_links_SOURCES = tests/test_attach_links.c $(ATTACH_HARNESS)
tests_test_attach_links_LDADD = $(TERM_LIBS)
tests_test_attach_bindings_SOURCES = tests/test_attach_bindings.c $(ATTACH_HARNESS)
tests_test_attach_bindings_LDADD = $(TERM_LIBS)
tests_test_attach_windows_SOURCES = tests/test_attach_windows.c $(ATTACH_HARNESS)
tests_test_attach_windows_LDADD = $(TERM_LIBS)
tests_test_attach_agent_SOURCES = tests/test_attach_agent.c tests/ssh_harness.c \
	tests/ssh_harness.h $(ATTACH_HARNESS)
tests_test_attach_agent_CPPFLAGS = $(AM_CPPFLAGS) -DSRCDIR='"$(abs_top_srcdir)"'
tests_test_attach_agent_LDADD = $(TERM_LIBS)
# Client modes drawn by the server (mode.h): the choosers, display-panes, clock-mode.
MODE_TESTS = tests/test_attach_choose tests/test_attach_find tests/test_attach_view \
	tests/test_attach_display tests/test_attach_readonly tests/test_attach_hup
check_PROGRAMS += $(MODE_TESTS)
TESTS += $(MODE_TESTS)
tests_test_attach_choose_SOURCES = tests/test_attach_choose.c $(ATTACH_HARNESS)
tests_test_attach_choose_LDADD = $(TERM_LIBS)
tests_test_attach_find_SOURCES = tests/test_attach_find.c $(ATTACH_HARNESS)
tests_test_attach_find_LDADD = $(TERM_LIBS)
tests_test_attach_view_SOURCES = tests/test_attach_view.c $(ATTACH_HARNESS)
tests_test_attach_view_LDADD = $(TERM_LIBS)
tests_test_attach_hup_SOURCES = tests/test_attach_hup.c $(ATTACH_HARNESS)
tests_test_attach_hup_LDADD = $(TERM_LIBS)
tests_test_attach_display_SOURCES = tests/test_attach_display.c $(ATTACH_HARNESS)
tests_test_attach_display_LDADD = $(TERM_LIBS)
tests_test_attach_readonly_SOURCES = tests/test_attach_readonly.c $(ATTACH_HARNESS)
tests_test_attach_readonly_LDADD = $(TERM_LIBS)
tests_test_attach_shared_SOURCES = tests/test_attach_shared.c $(ATTACH_HARNESS)
tests_test_attach_shared_LDADD = $(TERM_LIBS)
tests_test_attach_stopped_SOURCES = tests/test_attach_stopped.c $(ATTACH_HARNESS)
tests_test_attach_stopped_LDADD = $(TERM_LIBS)
# pipe-pane, the client commands (refresh-client, suspend-client) and the keys of issue 14.
I14A_TESTS = tests/test_attach_pipe tests/test_attach_refresh tests/test_attach_copy_pipe
check_PROGRAMS += $(I14A_TESTS)
TESTS += $(I14A_TESTS)
tests_test_attach_pipe_SOURCES = tests/test_attach_pipe.c $(ATTACH_HARNESS)
tests_test_attach_pipe_LDADD = $(TERM_LIBS)
tests_test_attach_copy_pipe_SOURCES = tests/test_attach_copy_pipe.c $(ATTACH_HARNESS)
tests_test_attach_copy_pipe_LDADD = $(TERM_LIBS)
tests_test_attach_refresh_SOURCES = tests/test_attach_refresh.c $(ATTACH_HARNESS)
tests_test_attach_refresh_LDADD = $(TERM_LIBS)
