# Tests of src/server and src/cmd.
check_PROGRAMS += tests/test_layout tests/test_target tests/test_args tests/fuzz/fuzz_args
TESTS += tests/test_layout tests/test_target tests/test_args tests/fuzz/fuzz_args
tests_test_layout_LDADD = $(SERVER_LIBS)
tests_test_target_LDADD = $(CMD_LIBS)
tests_test_args_LDADD = $(SERVER_LIBS) $(TERM_LIBS)
tests_fuzz_fuzz_args_SOURCES = tests/fuzz/fuzz_args.c tests/fuzz/driver.c
tests_fuzz_fuzz_args_CPPFLAGS = $(AM_CPPFLAGS) -DFUZZ_CORPUS='"$(top_srcdir)/tests/fuzz/corpus/args"'
tests_fuzz_fuzz_args_LDADD = $(SERVER_LIBS) $(TERM_LIBS)
check_PROGRAMS += tests/test_keyname tests/test_keytable tests/test_proto tests/test_cmd
TESTS += tests/test_keyname tests/test_keytable tests/test_proto tests/test_cmd
tests_test_cmd_LDADD = $(SERVER_LIBS) $(TERM_LIBS)
tests_test_keyname_LDADD = $(TERM_LIBS)
tests_test_keytable_LDADD = src/client/libclient.a $(SERVER_LIBS) $(TERM_LIBS) $(NCURSES_LIBS)
tests_test_proto_LDADD = $(CMD_LIBS) $(MSGPACK_LIBS)
# The server through the command line (needs src/rsh, built by `make all`).
TESTS += tests/test_server_cli.sh
EXTRA_DIST += tests/test_server_cli.sh
# The same command lines against tmux 3.3 and rsh, their windows and panes compared.
TESTS += tests/test_tmux_compare.sh
EXTRA_DIST += tests/test_tmux_compare.sh
check_PROGRAMS += tests/fuzz/fuzz_control
TESTS += tests/fuzz/fuzz_control
tests_fuzz_fuzz_control_SOURCES = tests/fuzz/fuzz_control.c tests/fuzz/driver.c
tests_fuzz_fuzz_control_CPPFLAGS = $(AM_CPPFLAGS) -DFUZZ_CORPUS='"$(top_srcdir)/tests/fuzz/corpus/control"'
tests_fuzz_fuzz_control_LDADD = $(CMD_LIBS) $(MSGPACK_LIBS)
check_PROGRAMS += tests/fuzz/fuzz_layout
TESTS += tests/fuzz/fuzz_layout
tests_fuzz_fuzz_layout_SOURCES = tests/fuzz/fuzz_layout.c tests/fuzz/driver.c
tests_fuzz_fuzz_layout_CPPFLAGS = $(AM_CPPFLAGS) -DFUZZ_CORPUS='"$(top_srcdir)/tests/fuzz/corpus/layout"'
tests_fuzz_fuzz_layout_LDADD = $(SERVER_LIBS)
check_PROGRAMS += tests/fuzz/fuzz_keys
TESTS += tests/fuzz/fuzz_keys
tests_fuzz_fuzz_keys_SOURCES = tests/fuzz/fuzz_keys.c tests/fuzz/driver.c
tests_fuzz_fuzz_keys_CPPFLAGS = $(AM_CPPFLAGS) -DFUZZ_CORPUS='"$(top_srcdir)/tests/fuzz/corpus/keys"'
tests_fuzz_fuzz_keys_LDADD = $(CMD_LIBS) $(TERM_LIBS)
check_PROGRAMS += tests/fuzz/fuzz_keytable
TESTS += tests/fuzz/fuzz_keytable
tests_fuzz_fuzz_keytable_SOURCES = tests/fuzz/fuzz_keytable.c tests/fuzz/driver.c
tests_fuzz_fuzz_keytable_CPPFLAGS = $(AM_CPPFLAGS) -DFUZZ_CORPUS='"$(top_srcdir)/tests/fuzz/corpus/keytable"'
tests_fuzz_fuzz_keytable_LDADD = $(TERM_LIBS)
# Attaching: the real server (src/rsh) and test-side clients over loopback UDP.
check_PROGRAMS += tests/test_server_attach
TESTS += tests/test_server_attach
tests_test_server_attach_LDADD = $(SERVER_LIBS) $(NET_LIBS) $(TERM_LIBS)
# Options, styles, quoting (options.c, style.c, word.c).
check_PROGRAMS += tests/test_options
TESTS += tests/test_options
tests_test_options_LDADD = $(SERVER_LIBS) $(TERM_LIBS)
# The command language's text form (cmd/parse.c), and its fuzz target.
check_PROGRAMS += tests/test_parse tests/fuzz/fuzz_parse
TESTS += tests/test_parse tests/fuzz/fuzz_parse
tests_test_parse_LDADD = $(CMD_LIBS)
tests_fuzz_fuzz_parse_SOURCES = tests/fuzz/fuzz_parse.c tests/fuzz/driver.c
tests_fuzz_fuzz_parse_CPPFLAGS = $(AM_CPPFLAGS) -DFUZZ_CORPUS='"$(top_srcdir)/tests/fuzz/corpus/parse"'
tests_fuzz_fuzz_parse_LDADD = $(CMD_LIBS)
# Formats (format.c, format_vars.c), and their fuzz target.
check_PROGRAMS += tests/test_format tests/fuzz/fuzz_format
TESTS += tests/test_format tests/fuzz/fuzz_format
tests_test_format_LDADD = $(SERVER_LIBS) $(TERM_LIBS)
tests_fuzz_fuzz_format_SOURCES = tests/fuzz/fuzz_format.c tests/fuzz/driver.c
tests_fuzz_fuzz_format_CPPFLAGS = $(AM_CPPFLAGS) -DFUZZ_CORPUS='"$(top_srcdir)/tests/fuzz/corpus/format"'
tests_fuzz_fuzz_format_LDADD = $(SERVER_LIBS) $(TERM_LIBS)
