# Benchmarks are programs that print figures; they are built with everything else (so they
# keep compiling) and run by `make bench`, never timed in `make check`.
# A module adds its programs as: BENCHMARKS += bench/NAME
BENCHMARKS =
BENCHMARKS += bench/sync_converge
bench_sync_converge_SOURCES = bench/sync_converge.c \
	tests/sync_sim.c tests/sync_sim.h tests/sync_regs.c tests/sync_regs.h \
	tests/udpproxy_run.c tests/udpproxy_run.h
bench_sync_converge_LDADD = $(NET_LIBS)
BENCHMARKS += bench/datagram
bench_datagram_SOURCES = bench/datagram.c tests/net_capture.h
bench_datagram_LDADD = $(NET_LIBS)
BENCHMARKS += bench/diff_size
bench_diff_size_SOURCES = bench/diff_size.c tests/random_screen.c tests/random_screen.h
bench_diff_size_LDADD = $(TERM_LIBS)
BENCHMARKS += bench/term_throughput
bench_term_throughput_LDADD = $(TERM_LIBS)
BENCHMARKS += bench/server_latency
bench_server_latency_SOURCES = bench/server_latency.c bench/control.c bench/control.h
bench_server_latency_LDADD = $(SERVER_LIBS) $(TERM_LIBS)
BENCHMARKS += bench/keystroke_latency
# What a benchmark of shells behind the proxy or ssh takes with it (remote_shell.h).
REMOTE_SHELL_SOURCES = bench/remote_shell.c bench/remote_shell.h tests/attach_harness.c \
	tests/udpproxy_run.c tests/udpproxy_run.h tests/ssh_harness.c tests/ssh_harness.h
bench_keystroke_latency_SOURCES = bench/keystroke_latency.c bench/typist.c bench/typist.h \
	$(REMOTE_SHELL_SOURCES)
bench_keystroke_latency_CPPFLAGS = $(AM_CPPFLAGS) -DSRCDIR='"$(abs_top_srcdir)"'
bench_keystroke_latency_LDADD = $(TERM_LIBS) $(NET_LIBS)
BENCHMARKS += bench/forward
bench_forward_SOURCES = bench/forward.c bench/typist.c bench/typist.h tests/attach_harness.c \
	tests/ssh_harness.c tests/ssh_harness.h tests/roam_link.c tests/roam_link.h \
	tests/udpproxy_run.c tests/udpproxy_run.h
bench_forward_CPPFLAGS = $(AM_CPPFLAGS) -DSRCDIR='"$(abs_top_srcdir)"'
bench_forward_LDADD = $(TERM_LIBS) $(NET_LIBS)
BENCHMARKS += bench/scrollback_memory
bench_scrollback_memory_SOURCES = bench/scrollback_memory.c bench/control.c bench/control.h
bench_scrollback_memory_LDADD = $(SERVER_LIBS) $(TERM_LIBS)
BENCHMARKS += bench/copy_mode
bench_copy_mode_SOURCES = bench/copy_mode.c tests/roam_link.c tests/roam_link.h \
	tests/attach_harness.c tests/udpproxy_run.c tests/udpproxy_run.h
bench_copy_mode_LDADD = $(TERM_LIBS) $(NET_LIBS)
BENCHMARKS += bench/attached_drain
bench_attached_drain_SOURCES = bench/attached_drain.c bench/control.c bench/control.h
bench_attached_drain_LDADD = $(SERVER_LIBS) $(TERM_LIBS)
BENCHMARKS += bench/interrupt_latency
bench_interrupt_latency_SOURCES = bench/interrupt_latency.c $(REMOTE_SHELL_SOURCES)
bench_interrupt_latency_CPPFLAGS = $(AM_CPPFLAGS) -DSRCDIR='"$(abs_top_srcdir)"'
bench_interrupt_latency_LDADD = $(TERM_LIBS) $(NET_LIBS)
BENCHMARKS += bench/many_clients
bench_many_clients_SOURCES = bench/many_clients.c bench/control.c bench/control.h
bench_many_clients_LDADD = $(SERVER_LIBS) $(TERM_LIBS)
BENCHMARKS += bench/status_line
bench_status_line_LDADD = $(SERVER_LIBS) $(NET_LIBS) $(TERM_LIBS)
