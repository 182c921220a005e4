#!/bin/sh
# The server driven only through the rsh command line, as tmux's regress suite does: a
# private server on a socket in a fresh directory, checked with capture-pane and the list
# commands. Waits poll with a bound; the server is killed at the end, even on failure.
set -u
RSH_BIN=${RSH_BIN:-./src/rsh}
dir=$(mktemp -d "${TMPDIR:-/tmp}/rsh-test.XXXXXX")
sock=$dir/s
export SHELL=/bin/sh ENV=
unset RSH # run from inside an rsh pane, rsh would pick that server
failed=0

r() { "$RSH_BIN" -S "$sock" "$@"; }
# The server's stderr is /dev/null: sanitizer reports, its and ours, go to files instead.
export ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}log_path=$dir/sanitizer"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:+$UBSAN_OPTIONS:}log_path=$dir/sanitizer"
export RSH_DEBUG=1 # the server's log, whose name gives its pid

cleanup() {
	r kill-server >/dev/null 2>&1
	wait_gone
	if ls "$dir"/sanitizer.* >/dev/null 2>&1; then
		cat "$dir"/sanitizer.* >&2
		rm -rf "$dir"
		echo "FAIL: sanitizer reports" >&2
		exit 1
	fi
	rm -rf "$dir"
}
trap cleanup EXIT

fail() {
	echo "FAIL: $*" >&2
	failed=1
	exit 1
}

# Polls until a pane's screen holds the text (fixed string), for at most 20 s.
wait_for() {
	i=0
	while [ $i -lt 400 ]; do
		r capture-pane -p -t "$1" 2>/dev/null | grep -qF -- "$2" && return 0
		sleep 0.05
		i=$((i + 1))
	done
	r capture-pane -p -t "$1" >&2
	fail "pane $1 never showed '$2'"
}

# The pid of the server of this socket's directory that runs, from its debug log's name.
server_pid() {
	for log in "${sock%/*}"/rsh-server-*.log; do
		[ -e "$log" ] || continue
		pid=${log##*rsh-server-}
		pid=${pid%.log}
		if [ -d "/proc/$pid" ] && ! grep -q '^State:.*zombie' "/proc/$pid/status" 2>/dev/null; then
			echo "$pid"
			return 0
		fi
	done
	return 1
}

server_alive() {
	[ -e "$sock" ] || server_pid >/dev/null
}

# Waits until the server has exited (sanitizer reports written), at most 10 s.
wait_gone() {
	i=0
	while server_alive && [ $i -lt 200 ]; do
		sleep 0.05
		i=$((i + 1))
	done
	! server_alive
}

# Polls until a command's output has the given number of lines, for at most 20 s.
wait_lines() {
	want=$1
	shift
	i=0
	while [ $i -lt 400 ]; do
		[ "$(r "$@" 2>/dev/null | wc -l)" -eq "$want" ] && return 0
		sleep 0.05
		i=$((i + 1))
	done
	fail "'$*' never gave $want lines"
}

# Runs a command that must fail with exactly one line on stderr containing the text.
expect_error() {
	text=$1
	shift
	if r "$@" >"$dir/out" 2>"$dir/err"; then
		fail "'$*' succeeded"
	fi
	[ "$(wc -l <"$dir/err")" -eq 1 ] || fail "'$*' wrote $(wc -l <"$dir/err") error lines"
	grep -qF -- "$text" "$dir/err" || fail "'$*' said '$(cat "$dir/err")', not '$text'"
	[ ! -s "$dir/out" ] || fail "'$*' wrote to stdout"
}

# Sends hex bytes on a raw connection: exit 0 with a reply, 1 closed without one, 2 no
# connection.
raw() {
	${as:-} perl -MIO::Socket::UNIX -e '
		$SIG{PIPE} = "IGNORE";
		my $s = IO::Socket::UNIX->new(Peer => $ARGV[0]) or exit 2;
		print $s pack("H*", $ARGV[1]); $s->flush; shutdown($s, 1);
		my $n = sysread($s, my $reply, 1);
		exit(defined $n && $n > 0 ? 0 : 1);' "$sock" "$1"
}

# Connected, sent, and the server closed without a word.
refused() {
	raw "$1"
	[ $? -eq 1 ] || fail "${as:+another uid: }$1 was not refused"
}

expect_line() {
	grep -qxF -- "$2" "$1" || { cat "$1" >&2; fail "no line '$2'"; }
}

# No server yet: commands other than new-session say so.
expect_error "no server running on $sock" ls
expect_error "open terminal failed: not a terminal" new -s work
expect_error "open terminal failed: not a terminal"
[ ! -e "$sock" ] || fail "a server started for new-session without -d"

# A session, typing, and the pane's state kept between commands.
r new-session -d -s work -x 80 -y 24 || fail "new-session"
r has-session -t work || fail "has-session"
r send-keys -t work 'echo hel""lo' Enter
wait_for work "hello"
r send-keys -t work 'X=4''2' Enter
r send-keys -t work 'echo "value=$X"' Enter
wait_for work "value=42"

# send-keys -N repeats, -l types key names as text; copy mode lives in the clients, so
# copy-mode and send-keys -X need one showing the pane, and -X's command is checked here.
r send-keys -N 3 -t work 'echo ab' || fail "send-keys -N"
r send-keys -l -t work 'cd' Enter
wait_for work 'echo abecho abecho abcdEnter'
r send-keys -t work C-u
expect_error "no client shows pane %0" copy-mode -t work
expect_error "no client shows pane %0" send-keys -X -t work cancel
expect_error "unknown copy-mode command: nosuch" send-keys -X -t work nosuch
expect_error "copy-mode command goto-line takes 1 argument" send-keys -X -t work goto-line
expect_error "send-keys: unknown flag -Z" send-keys -Z -t work

# capture-pane -e keeps attributes as SGR sequences; without -e, text alone.
r send-keys -t work "printf '\\033[31mred\\033[0m\\n'; echo colour-\$((1+1))" Enter
wait_for work "colour-2"
r capture-pane -p -e -t work | grep -q "$(printf '\033')\[0;31mred" || fail "capture-pane -e"
r capture-pane -p -t work | grep -qx "red" || fail "capture-pane without -e"

# Splits tile the window: a one-cell border between panes.
r split-window -h || fail "split-window -h"
r split-window -v || fail "split-window -v"
r list-panes -t work >"$dir/panes"
[ "$(wc -l <"$dir/panes")" -eq 3 ] || fail "list-panes: $(cat "$dir/panes")"
expect_line "$dir/panes" "0: [40x24] [at 0,0] %0"
expect_line "$dir/panes" "1: [39x12] [at 41,0] %1"
expect_line "$dir/panes" "2: [39x11] [at 41,13] %2 (active)"
r send-keys -t work:0.2 'echo "pane=$(stty size)"' Enter
wait_for work:0.2 "pane=11 39"

# Moving between panes, zoom, killing one.
r select-pane -L -t work || fail "select-pane -L"
r list-panes -t work | grep -qxF "0: [40x24] [at 0,0] %0 (active)" || fail "select-pane -L"
r resize-pane -Z || fail "resize-pane -Z"
r list-panes -t work | grep -qxF "0: [80x24] [at 0,0] %0 (active)" || fail "zoom"
r resize-pane -Z
r select-pane -t 1 || fail "select-pane -t 1"
r kill-pane || fail "kill-pane"
r list-panes -t work >"$dir/panes"
[ "$(wc -l <"$dir/panes")" -eq 2 ] || fail "after kill-pane: $(cat "$dir/panes")"
expect_line "$dir/panes" "1: [39x24] [at 41,0] %2"
r resize-pane -t work:0.0 -R 5 || fail "resize-pane -R"
r list-panes -t work | grep -qF "0: [45x24]" || fail "resize-pane -R 5"

# Windows: new, list, select, rename.
r new-window -t work -n logs || fail "new-window"
r list-windows -t work >"$dir/windows"
[ "$(wc -l <"$dir/windows")" -eq 2 ] || fail "list-windows: $(cat "$dir/windows")"
grep -q '^1: logs\* (1 panes) \[80x24\]' "$dir/windows" || fail "new window not current"
r select-window -t work:0 || fail "select-window"
r list-windows | grep -q '^0: sh\* ' || fail "select-window did not select"
r next-window && r list-windows | grep -q '^1: logs\*' || fail "next-window"
r rename-window -t work:logs editor || fail "rename-window"
r list-windows | grep -q '^1: editor\*' || fail "rename-window did not rename"
r rename-session -t work play || fail "rename-session"
r has-session -t play || fail "renamed session not found"
expect_error "can't find session: work" has-session -t work
r kill-window -t play:1 || fail "kill-window"
[ "$(r list-windows -t play | wc -l)" -eq 1 ] || fail "kill-window left windows"

# The shell kept its variable through all of that.
r send-keys -t play:0.0 'echo "again=$X"' Enter
wait_for play:0.0 "again=42"

# Bad input: one line on stderr, non-zero exit, server unharmed.
expect_error "can't find session: nope" has-session -t nope
expect_error "can't find window: 7" select-window -t play:7
expect_error "can't find pane: 9" select-pane -t play:0.9
# A session target naming a window or pane that does not exist fails, as in tmux.
expect_error "can't find window: @999" has-session -t @999
expect_error "can't find pane: %999" has-session -t %999
expect_error "can't find window: 5" has-session -t play:5
expect_error "can't find pane: 7" has-session -t play:0.7
expect_error "can't find window: nope" has-session -t play:nope
expect_error "can't find pane: 7" kill-session -t play:0.7
rc=0
r has-session -t play:5 2>/dev/null || rc=$?
[ $rc -eq 1 ] || fail "has-session of a missing window: exit $rc, not 1"
r has-session -t play:0.0 || fail "has-session -t play:0.0"
r has-session -t play:0 || fail "has-session -t play:0"
expect_error "bad target" kill-pane -t 'play:0.x'
expect_error "unknown command: frobnicate" frobnicate
expect_error "usage: rename-window" rename-window
expect_error "duplicate session: play" new-session -d -s play
expect_error "open terminal failed: not a terminal" attach -t play
r new-session -d -s tiny -x 10 -y 5 || fail "new-session tiny"
# As tmux: 10 columns split into 5 and 4, the 4 into 2 and 1; the 1 cannot split.
r split-window -h -t tiny || fail "split-window in tiny"
r split-window -h -t tiny || fail "split-window in tiny again"
expect_error "no space for new pane" split-window -h -t tiny
[ "$(r list-panes -t tiny | wc -l)" -eq 3 ] || fail "a refused split changed the layout"
r kill-session -t tiny
r has-session -t play || fail "server hurt by bad commands"

# Escape injection: names holding control characters (C0, DEL, C1 in UTF-8 too) are
# refused, and a window named after its command shows the command's controls escaped,
# so no listing writes an escape sequence or forges a line.
expect_error "bad session name" new-session -d -s "$(printf 'x\302\23331mRED')"
expect_error "bad session name" new-session -d -s "$(printf 'x\033]0;PWN\007')"
expect_error "bad session name" rename-session -t play "$(printf 'a\177b')"
expect_error "bad window name" rename-window -t play:0 "$(printf 'x\302\205y')"
expect_error "bad window name" new-window -d -t play -n "$(printf 'x\033[2J')"
# automatic-rename off: else a busy server may have renamed it to sh before the listing.
r set-option -wg automatic-rename off || fail "automatic-rename off"
r new-window -d -t play "$(printf 'x=\033]0;PWN\007\033[2J\nfake; sleep 100')" ||
	fail "new-window with escapes in its command"
r list-windows -t play >"$dir/windows"
r set-option -wgu automatic-rename || fail "automatic-rename back"
[ "$(wc -l <"$dir/windows")" -eq 2 ] || { cat "$dir/windows" >&2; fail "a forged line"; }
! LC_ALL=C grep -q "$(printf '[\001-\037\177]')" "$dir/windows" ||
	fail "list-windows wrote control characters"
grep -qF 'x=\033]0;PWN\007\033[2J\012fake;' "$dir/windows" ||
	{ cat "$dir/windows" >&2; fail "the window's name is not its command, escaped"; }
r kill-window -t play:1 || fail "kill-window of the escaped one"

# Format values are what the pane's programs choose (a process name, a directory): a
# listing shows their control characters escaped, while -c and run-shell, which use the
# value rather than show it, get it as it is.
evil="$dir/$(printf 'd\033]0;PWN\007')"
mkdir "$evil" && ln -s "$(command -v sleep)" "$evil/$(printf 'z\033[2J')" || fail "evil dir"
r new-window -d -t play -c "$evil" 'exec ./z* 100' || fail "new-window -c evil"
want='\033]0;PWN\007|z\033[2J'
for i in $(seq 100); do
	got=$(r list-panes -t play:1 -F '#{b:pane_current_path}|#{pane_current_command}')
	[ "$got" = "d$want" ] && break
	sleep 0.05
done
[ "$got" = "d$want" ] || fail "format values not escaped: $(printf %s "$got" | od -c | head -3)"
[ "$(r display -p -t play:1 '#{pane_current_command}')" = 'z\033[2J' ] ||
	fail "display -p shows a process name raw"
[ "$(r run-shell -t play:1 'test -d "#{pane_current_path}" && echo raw')" = raw ] ||
	fail "run-shell did not get the directory as it is"
r kill-window -t play:1
r set-buffer -b c1 "$(printf 'a\302\233b\033c')" || fail "set-buffer with C1"
r list-buffers | grep -qxF 'c1: 6 bytes: "a\302\233b\033c"' ||
	fail "list-buffers sample not escaped: $(r list-buffers | od -c | head -5)"
r delete-buffer -b c1

# 64 idle connections (the server's limit) cost a working command nothing: the oldest
# makes room. It used to wait until they timed out (10 s), when all of them were closed.
perl -MIO::Socket::UNIX -e '
	my @held;
	for (1 .. 64) {
		my $s = IO::Socket::UNIX->new(Peer => $ARGV[0]) or die "connect: $!";
		push @held, $s;
	}
	open(my $f, ">", "$ARGV[1]/ready") or die; close($f);
	select(undef, undef, undef, 0.05) until -e "$ARGV[1]/go";
	my $open = 0;
	for my $s (@held) {
		my $r = ""; vec($r, fileno($s), 1) = 1;
		$open++ unless select($r, undef, undef, 0) > 0 && sysread($s, my $b, 1) == 0;
	}
	open($f, ">", "$ARGV[1]/held") or die; print $f "$open\n"; close($f);' "$sock" "$dir" &
holder=$!
i=0
while [ ! -e "$dir/ready" ] && [ $i -lt 400 ]; do sleep 0.05; i=$((i + 1)); done
r ls >/dev/null || fail "ls beside 64 idle connections"
: >"$dir/go"
wait $holder || fail "the idle connections' holder failed"
[ "$(cat "$dir/held")" -ge 60 ] ||
	fail "ls waited for the idle connections to time out ($(cat "$dir/held") of 64 left)"

# Bad bytes on the control socket: the connection is dropped without a reply. The same
# harness gets a reply to a well-formed request, so silence means refusal.
if command -v perl >/dev/null; then
	raw 00000014950191c40b6861732d73657373696f6ec4000000 || fail "no reply to has-session"
	# text read as a huge length; not msgpack; 100 bytes announced, 3 sent; the largest
	# length; an empty argv; an unknown version; a trailing byte
	for bad in \
		68656c6c6f20776f726c640a \
		00000005c1c1c1c1c1 \
		00000064010203 \
		ffffffff \
		0000000795019100a00000 \
		00000014950291c40b6861732d73657373696f6ec4000000 \
		00000015950191c40b6861732d73657373696f6ec400000000; do
		refused $bad
	done
	r has-session -t play || fail "server hurt by bad bytes"

	# Another user who reaches the socket anyway is dropped (SO_PEERCRED): needs root.
	if [ "$(id -u)" -eq 0 ] && command -v setpriv >/dev/null; then
		chmod 711 "$dir"
		chmod 777 "$sock"
		as="setpriv --reuid=65534 --regid=65534 --clear-groups"
		refused 00000014950191c40b6861732d73657373696f6ec4000000
		as=
		chmod 700 "$dir"
		r has-session -t play || fail "server hurt by another uid"
	fi

	# A server that takes the connection and never answers: a clear error, not a hang.
	mkdir -m 700 "$dir/stuck"
	perl -MIO::Socket::UNIX -e '
		my $l = IO::Socket::UNIX->new(Type => SOCK_STREAM(), Local => $ARGV[0],
					      Listen => 5) or die;
		my $c = $l->accept; sleep 20;' "$dir/stuck/s" &
	stuck=$!
	i=0
	while [ ! -S "$dir/stuck/s" ] && [ $i -lt 100 ]; do sleep 0.05; i=$((i + 1)); done
	export RSH_REPLY_TIMEOUT=1
	expect_error "rsh: no reply from the server in 1 s (stuck?)" -S "$dir/stuck/s" has-session
	unset RSH_REPLY_TIMEOUT
	kill $stuck
else
	echo "no perl: raw socket checks skipped" >&2
fi

# A pane flooding output does not delay typing in another.
r new-session -d -s flood || fail "new-session flood"
r split-window -d -t flood 'yes' || fail "split-window yes"
wait_for flood:0.1 "y"
r send-keys -t flood:0.0 'echo typed-$((2+3))' Enter
wait_for flood:0.0 "typed-5"
r kill-session -t flood || fail "kill-session flood"

# A pane whose program exits closes, a window with its last pane, a session with its last
# window, and the server with its last session.
r split-window -t play:0 'sleep 0.2' || fail "split-window sleep"
r new-window -t play 'sleep 0.2' || fail "new-window sleep"
wait_lines 1 list-windows -t play
r new-window -t play 'sleep 30 & exit 0' || fail "new-window with a background child"
wait_lines 1 list-windows -t play
wait_lines 2 list-panes -t play:0
r new-session -d -s brief 'sleep 1' || fail "new-session brief"
r kill-session -t play || fail "kill-session"
r has-session -t brief || fail "the other session went too"
wait_gone || fail "server still running after its last session"
expect_error "no server running" ls

# Without -S: the per-user directory under $XDG_RUNTIME_DIR, created private.
mkdir -m 700 "$dir/xdg"
XDG_RUNTIME_DIR=$dir/xdg "$RSH_BIN" -L t new -d -s x 'sleep 1' || fail "new-session -L"
[ "$(stat -c %a "$dir/xdg/rsh")" = 700 ] || fail "socket directory not 0700"
XDG_RUNTIME_DIR=$dir/xdg "$RSH_BIN" -L t has -t x || fail "has-session -L"
main_sock=$sock
sock=$dir/xdg/rsh/t
wait_gone || fail "the -L server stayed after its session"
sock=$main_sock

# Options set through rsh act on what comes next: TERM inside new panes, the default
# command, the first free window index from base-index.
r new-session -d -s opts cat || fail "new-session opts"
r set -g default-terminal screen-256color || fail "set default-terminal"
r set -g base-index 1 || fail "set base-index"
r new-window -t opts 'echo "TERM=$TERM"; cat' || fail "new-window opts"
wait_for opts:1 "TERM=screen-256color"
r set -g default-command 'echo "from default-command"; cat' || fail "set default-command"
r new-window -t opts || fail "new-window opts"
wait_for opts:2 "from default-command"
[ "$(r show -gv default-command)" = 'echo "from default-command"; cat' ] ||
	fail "show -gv default-command: $(r show -gv default-command)"
expect_error "rsh: value is too small: -1" set -g base-index -1
r kill-session -t opts
for o in default-terminal base-index default-command; do r set -gu $o; done

# remain-on-exit: a pane whose program exits stays, dead, until killed; "failed" keeps
# only those that did not exit 0.
r new-session -d -s keeper cat || fail "new-session keeper"
r set -g remain-on-exit on || fail "set remain-on-exit"
r new-session -d -s kept 'echo bye; exit 3' || fail "new-session kept"
wait_for kept "Pane is dead (status 3,"
r has-session -t kept || fail "the dead pane's session went"
[ "$(r display -p -t kept '#{pane_dead}')" = 1 ] || fail "pane_dead is not 1"
# remain-on-exit-format (tmux 3.3a's default above): on the last row, after the screen
# scrolled up a line (bye on row 0 gone, as tmux draws it); its formats.
[ "$(r capture-pane -p -t kept | tail -1)" = \
	"Pane is dead (status 3, $(r display -p -t kept '#{t:pane_dead_time}'))" ] ||
	fail "remain-on-exit-format's line: $(r capture-pane -p -t kept | tail -1)"
[ "$(r display -p -t kept '[#{pane_dead_status}][#{pane_dead_signal}]')" = "[3][]" ] ||
	fail "pane_dead_status, pane_dead_signal"
r set -g remain-on-exit-format '#[bold]gone #{pane_dead_signal}' || fail "set the format"
r new-session -d -s killed 'kill -9 $$' || fail "new-session killed"
wait_for killed "gone 9"
r capture-pane -e -p -t killed | grep -q "1mgone 9" ||
	fail "the format's style: $(r capture-pane -e -p -t killed | tail -1 | od -c | head -2)"
r kill-session -t killed
r set -gu remain-on-exit-format
r send-keys -t kept x Enter || fail "send-keys to a dead pane"
r split-window -t kept cat || fail "split beside a dead pane"
r kill-pane -t kept:0.0 || fail "kill-pane of a dead pane"
wait_lines 1 list-panes -t kept
r kill-session -t kept
r set -g remain-on-exit failed
r new-session -d -s ok 'exit 0' || fail "new-session ok"
r new-session -d -s bad 'exit 1' || fail "new-session bad"
wait_for bad "Pane is dead (status 1,"
i=0
while r has-session -t ok 2>/dev/null && [ $i -lt 200 ]; do sleep 0.05; i=$((i + 1)); done
! r has-session -t ok 2>/dev/null || fail "remain-on-exit failed kept a pane that exited 0"
r kill-session -t bad
r set -gu remain-on-exit
r kill-session -t keeper

# Paste buffers as tmux: set, append, rename, show, list (most recent first), delete,
# save and load (relative paths from the client's directory), paste into a pane (line
# feeds as carriage returns, bracketed with -p when the program asked).
r new-session -d -s buf -x 40 -y 5 'stty -echo; printf "\033[?2004h"; exec cat -v' ||
	fail "new-session buf"
r set-buffer hello || fail "set-buffer"
r set-buffer -b mine "two words" || fail "set-buffer -b"
r set-buffer "line1
line2" || fail "set-buffer with a newline"
[ "$(r list-buffers)" = 'buffer1: 11 bytes: "line1\nline2"
mine: 9 bytes: "two words"
buffer0: 5 bytes: "hello"' ] || fail "list-buffers: $(r list-buffers)"
r set-buffer -a -b mine " more" || fail "set-buffer -a"
[ "$(r show-buffer)" = "two words more" ] || fail "show-buffer: $(r show-buffer)"
expect_error "rsh: no buffer nope" show-buffer -b nope
expect_error "rsh: unknown buffer: nope" delete-buffer -b nope
expect_error "rsh: no data specified" set-buffer
rsh_path=$(cd "$(dirname "$RSH_BIN")" && pwd)/$(basename "$RSH_BIN")
(cd "$dir" && "$rsh_path" -S "$sock" save-buffer -b mine saved) || fail "save-buffer"
[ "$(cat "$dir/saved")" = "two words more" ] || fail "saved: $(cat "$dir/saved")"
r load-buffer -b loaded "$dir/saved" || fail "load-buffer"
expect_error "rsh: $dir/none/x: No such file or directory" load-buffer "$dir/none/x"
r set-buffer -b loaded -n renamed || fail "set-buffer -n"
[ "$(r show-buffer -b renamed)" = "two words more" ] || fail "renamed"
r delete-buffer || fail "delete-buffer"
[ "$(r list-buffers | wc -l)" -eq 3 ] || fail "after delete-buffer: $(r list-buffers)"
r paste-buffer -p -b buffer1 -t buf || fail "paste-buffer"
r send-keys -t buf Enter
wait_for buf '^[[200~line1'
wait_for buf 'line2^[[201~'
r paste-buffer -d -b buffer0 -t buf || fail "paste-buffer -d"
r send-keys -t buf Enter
wait_for buf 'hello'
expect_error "rsh: no buffer buffer0" show-buffer -b buffer0
r kill-session -t buf

# capture-pane -S/-E as tmux (0 the screen's top, negative lines history, "-" either end)
# into a buffer or printed; clear-history.
r new-session -d -s hist -x 40 -y 5 'seq 1 20; exec cat' || fail "new-session hist"
wait_for hist 20
[ "$(r capture-pane -p -t hist -S -2 -E -1)" = "15
16" ] || fail "capture-pane -S -2 -E -1: $(r capture-pane -p -t hist -S -2 -E -1)"
[ "$(r capture-pane -p -t hist -S - -E 0 | sed -n '1p;$p' | tr '\n' ' ')" = "1 17 " ] ||
	fail "capture-pane -S - -E 0: $(r capture-pane -p -t hist -S - -E 0)"
[ "$(r capture-pane -p -t hist -S -100 -E -16)" = "1" ] || fail "capture-pane clamps"
r capture-pane -t hist -S -3 -E -3 || fail "capture-pane to a buffer"
[ "$(r show-buffer)" = "14" ] || fail "captured buffer: $(r show-buffer)"
expect_error "rsh: capture-pane: bad line: x" capture-pane -p -t hist -S x
r clear-history -t hist || fail "clear-history"
[ "$(r capture-pane -p -t hist -S - | head -1)" = "17" ] ||
	fail "after clear-history: $(r capture-pane -p -t hist -S -)"
r kill-session -t hist
# Inside a pane, as tmux's TMUX: RSH=socket,pid,session, RSH_PANE, TERM_PROGRAM=rsh; new
# panes start in the session's start directory (new-session -c) unless -c; rsh without -S
# reaches the pane's server, and attaching from a pane refuses to nest.
rsh_abs=$(cd "$(dirname "$RSH_BIN")" && pwd)/$(basename "$RSH_BIN")
mkdir -p "$dir/start" "$dir/elsewhere"
r new-session -d -s here -c "$dir/start" || fail "new-session -c"
r send-keys -t here 'echo "<$RSH|$RSH_PANE|$TERM_PROGRAM>"; pwd' Enter
wait_for here "<$sock,$(server_pid),"
wait_for here "|%"
wait_for here "|rsh>"
wait_for here "$dir/start"
r new-window -t here || fail "new-window env"
r send-keys -t here 'pwd; echo "[$RSH_PANE]"' Enter
wait_for here "$dir/start" # not the directory rsh new-window ran in
wait_for here "[%"
r split-window -c "$dir/elsewhere" -t here || fail "split-window -c"
r send-keys -t here 'pwd' Enter
wait_for here "$dir/elsewhere"
r send-keys -t here "\"$rsh_abs\" list-sessions; \"$rsh_abs\" attach; echo \"rc=\$?\"" Enter
wait_for here "here: 2 windows"
wait_for here "rsh: sessions should be nested with care, unset \$RSH to force"
wait_for here "rc=1"
# A command typed in a pane acts on that pane, not on the session used last (as TMUX_PANE).
r new-session -d -s newer || fail "new-session newer"
r send-keys -t here "\"$rsh_abs\" split-window -d -h; echo sp\"lit\"" Enter
wait_for here "split"
[ "$(r list-panes -t here:1 | wc -l)" -eq 3 ] || fail "split from a pane: $(r list-panes -t here:1)"
[ "$(r list-panes -t newer | wc -l)" -eq 1 ] || fail "the newer session split instead"
r kill-session -t newer
r kill-session -t here

# set-environment and show-environment, as tmux's: a session's entries over the global
# ones (the server's own at start), -r ones taken out of a new pane's environment.
RSH_TEST_GONE=here r new-session -d -s env 'sleep 60' || fail "new-session env"
r setenv FOO 'x$y' || fail "setenv FOO"
r setenv -g GFOO 'a b' || fail "setenv -g"
r setenv -g OVER global || fail "setenv -g OVER"
r setenv OVER session || fail "setenv OVER"
r setenv -r RSH_TEST_GONE || fail "setenv -r"
r showenv >"$dir/out" || fail "showenv"
expect_line "$dir/out" 'FOO=x$y'
expect_line "$dir/out" '-RSH_TEST_GONE'
[ "$(r showenv FOO)" = 'FOO=x$y' ] || fail "showenv FOO: $(r showenv FOO)"
[ "$(r showenv -s FOO)" = 'FOO="x\$y"; export FOO;' ] || fail "showenv -s: $(r showenv -s FOO)"
[ "$(r showenv -s RSH_TEST_GONE)" = 'unset RSH_TEST_GONE;' ] || fail "showenv -s removed"
[ "$(r showenv -g GFOO)" = 'GFOO=a b' ] || fail "showenv -g: $(r showenv -g GFOO)"
r showenv -g RSH_TEST_GONE >/dev/null || fail "the server's environment is not the global one"
r new-window -t env 'echo "[$FOO][$GFOO][$OVER][${RSH_TEST_GONE-none}]"; sleep 60'
wait_for env: '[x$y][a b][session][none]'
# -e VAR=value, repeated, over the session's environment (new-window, split-window).
r new-window -t env -e OVER=given -e E2='a b' 'echo "<$OVER|$E2|$FOO>"; sleep 60'
wait_for env: '<given|a b|x$y>'
r split-window -t env -e E3=split 'echo "<$E3|$OVER>"; sleep 60'
wait_for env: '<split|session>'
r setenv -u FOO || fail "setenv -u"
expect_error "unknown variable: FOO" showenv FOO
expect_error "usage: set-environment" setenv
expect_error "variable name contains =" setenv A=B c
expect_error "can't specify a value with -r" setenv -r X y
expect_error "can't specify a value with -u" setenv -u X y
expect_error "no value specified" setenv X
expect_error "can't find session: nope" setenv -t nope X y

# update-environment, as tmux's: the requester's DISPLAY goes into a new session's
# environment (and its first pane's), a listed variable it lacks is marked removed, -E
# takes none; patterns match names (attach-session: test_attach_sizes).
env -u XAUTHORITY DISPLAY=:7 "$RSH_BIN" -S "$sock" new-session -d -s upd \
	'echo "[$DISPLAY]"; sleep 60' || fail "new-session with DISPLAY"
[ "$(r showenv -t upd DISPLAY)" = 'DISPLAY=:7' ] || fail "update-environment: $(r showenv -t upd)"
[ "$(r showenv -t upd XAUTHORITY)" = '-XAUTHORITY' ] || fail "XAUTHORITY not removed"
wait_for upd: '[:7]'
DISPLAY=:8 r new-session -d -E -s noupd || fail "new-session -E"
expect_error "unknown variable: DISPLAY" showenv -t noupd DISPLAY
r set -g update-environment 'RSH_UPD_*' || fail "set update-environment"
[ "$(r show -g update-environment)" = 'update-environment[0] RSH_UPD_*' ] ||
	fail "show update-environment: $(r show -g update-environment)"
RSH_UPD_A=1 RSH_UPD_B=2 r new-session -d -s pat || fail "new-session with RSH_UPD_*"
[ "$(r showenv -t pat RSH_UPD_A)" = 'RSH_UPD_A=1' ] &&
	[ "$(r showenv -t pat RSH_UPD_B)" = 'RSH_UPD_B=2' ] ||
	fail "patterns: $(r showenv -t pat)"
r set -gu update-environment
r kill-session -t pat
r kill-session -t noupd
r kill-session -t upd

# run-shell: the command's output (stdout and stderr) printed, its exit status rsh's, as
# tmux; formats expanded for the target, the session's environment.
r setenv RUNVAR fromsession
[ "$(r run -t env: 'echo out; echo err >&2; echo "#{session_name} $RUNVAR"')" = "out
err
env fromsession" ] || fail "run-shell output: $(r run 'echo out')"
r run 'exit 3' >"$dir/out" 2>"$dir/err"
[ $? -eq 3 ] || fail "run-shell 'exit 3' did not exit 3"
expect_line "$dir/err" "'exit 3' returned 3"
r run 'kill -9 $$' 2>"$dir/err"
[ $? -eq 137 ] || fail "run-shell killed by signal 9 did not exit 137"
expect_line "$dir/err" "'kill -9 \$\$' terminated by signal 9"
[ "$(r run 'echo a' \; display -p b)" = "a
b" ] || fail "run-shell then another command"
expect_error "can't find session: nope" run -t nope: true
# -d waits that long first, with a command or none; no number of seconds is refused.
start=$(date +%s%N)
[ "$(r run -d 0.4 'echo late' \; run -d 0.2)" = late ] || fail "run-shell -d: no output"
[ $((($(date +%s%N) - start) / 1000000)) -ge 600 ] || fail "run-shell -d did not wait"
expect_error "invalid delay time: soon" run -d soon true
# While one waits, the server goes on: a command is answered, a pane takes typing.
mkfifo "$dir/fifo"
r run "read x <$dir/fifo; echo got \$x" >"$dir/slow" 2>&1 &
slow=$!
[ "$(r display -p -t env: '#{session_name}')" = env ] || fail "a command waited for run-shell"
r new-window -t env: -n typing
r send-keys -t env:typing 'echo typed-while-waiting' Enter
wait_for env:typing 'typed-while-waiting'
[ ! -s "$dir/slow" ] || fail "run-shell returned before its command ended"
echo go >"$dir/fifo"
wait $slow || fail "run-shell waiting on the fifo failed"
[ "$(cat "$dir/slow")" = "got go" ] || fail "run-shell after waiting: $(cat "$dir/slow")"
# -b returns at once; a failure goes to the message log.
r run -b "read x <$dir/fifo; exit 2" || fail "run-shell -b"
# show-messages -J: the job waiting on the fifo, as tmux's job_print_summary prints it.
r show-messages -J | grep -qxE "Job 0: read x <$dir/fifo; exit 2 \[fd=[0-9]+, pid=[0-9]+, status=0\]" ||
	fail "show-messages -J: $(r show-messages -J)"
echo go >"$dir/fifo"
i=0
until r show-messages | grep -qF "returned 2"; do
	[ $i -lt 400 ] || fail "run-shell -b's failure not logged: $(r show-messages)"
	sleep 0.05
	i=$((i + 1))
done
[ -z "$(r show-messages -J)" ] || fail "show-messages -J after the job: $(r show-messages -J)"

# if-shell: the shell command's status (or -F a format) picks the list.
[ "$(r if true 'display -p yes' 'display -p no')" = yes ] || fail "if-shell true"
[ "$(r if false 'display -p yes' 'display -p no')" = no ] || fail "if-shell false"
[ -z "$(r if 'echo noise; false' 'display -p yes')" ] || fail "if-shell false without else"
[ "$(r if -F '#{==:#{session_name},env}' 'display -p yes' 'display -p no')" = yes ] ||
	fail "if-shell -F true"
[ "$(r if -F 0 'display -p yes' 'display -p no')" = no ] || fail "if-shell -F 0"
[ "$(r if -F '' 'display -p yes' 'display -p no')" = no ] || fail "if-shell -F empty"
[ "$(r if true 'display -p one; display -p two')" = "one
two" ] || fail "if-shell with a list"
expect_error "unknown command: bogus-cmd" if true bogus-cmd
expect_error "usage: if-shell" if true
r if -b "read x <$dir/fifo" 'set -g display-time 1234' || fail "if-shell -b"
[ "$(r show -gv display-time)" != 1234 ] || fail "if-shell -b ran its list before the shell command ended"
echo go >"$dir/fifo"
i=0
until [ "$(r show -gv display-time)" = 1234 ]; do
	[ $i -lt 400 ] || fail "if-shell -b never ran its list"
	sleep 0.05
	i=$((i + 1))
done
r kill-session -t env
# next-window -a: the next window with an alert (activity here), as tmux; none: an error.
r new-session -d -s alert 'sleep 60' || fail "new-session alert"
r set -w -t alert -g monitor-activity on
r new-window -d -t alert 'sleep 60'
expect_error "no next window" next-window -a -t alert
r new-window -d -t alert 'sleep 0.3; echo busy; sleep 60'
i=0
until [ "$(r display -p -t alert:2 '#{window_flags}')" = "#" ]; do
	[ $i -lt 400 ] || fail "no activity flag: $(r display -p -t alert:2 '#{window_flags}')"
	sleep 0.05
	i=$((i + 1))
done
r previous-window -a -t alert || fail "previous-window -a"
[ "$(r display -p -t alert: '#{window_index}')" = 2 ] || fail "previous-window -a did not reach 2"
r set -w -g monitor-activity off
r kill-session -t alert
# wait-for: a line waits until signalled (a signal nobody waited for is kept); -L and -U.
r new-session -d -s w 'sleep 60' || fail "new-session w"
(r wait-for chan && echo woken >"$dir/woken") &
w1=$!
r wait-for -S chan || fail "wait-for -S"
wait $w1 || fail "wait-for chan after -S"
[ -s "$dir/woken" ] || fail "wait-for did not return 0"
r wait-for -S early && r wait-for early || fail "a signal before the wait was not kept"
r wait-for -L lk || fail "wait-for -L"
(r wait-for -L lk && echo locked >"$dir/locked") &
w2=$!
r display -p x >/dev/null
[ ! -e "$dir/locked" ] || fail "a second -L took a held lock"
r wait-for -U lk || fail "wait-for -U"
wait $w2 || fail "the second -L after -U"
[ -s "$dir/locked" ] || fail "the lock was not handed on"
r wait-for -U lk || fail "wait-for -U of the handed-on lock"
expect_error "channel lk not locked" wait-for -U lk
expect_error "usage: wait-for" wait-for
[ "$(r wait-for -S two \; wait-for two \; display -p done)" = done ] || fail "wait-for in a line"
# kill-server while a run-shell and a wait-for wait: the server goes, nothing leaks.
r wait-for never >/dev/null 2>&1 &
never=$!
r run "touch $dir/started; sleep 60" >/dev/null 2>&1 &
waiter=$!
i=0
until [ -e "$dir/started" ]; do
	[ $i -lt 400 ] || fail "run-shell never started its command"
	sleep 0.05
	i=$((i + 1))
done
r kill-server || fail "kill-server with a run-shell waiting"
wait_gone || fail "a waiting run-shell kept the server"
wait $waiter && fail "run-shell succeeded although the server was killed"
wait $never && fail "wait-for succeeded although the server was killed"
# remain-on-exit keeps a dead pane; respawn-pane starts it again, no -k needed, as tmux.
r new-session -d -s keep || fail "new-session keep"
r set -g remain-on-exit on || fail "set remain-on-exit"
r new-session -d -s rs 'exit 3' || fail "new-session rs"
wait_for rs "Pane is dead (status 3"
r respawn-pane -t rs 'echo aga""in; exec cat' || fail "respawn-pane of a dead pane"
wait_for rs "again"
expect_error "rsh: respawn pane failed: pane rs:0.0 still active" respawn-pane -t rs
r respawn-pane -k -t rs 'echo thi""rd; exec cat' || fail "respawn-pane -k"
wait_for rs "third"
r kill-session -t rs
r set -gu remain-on-exit
r kill-session -t keep

# kill-server ends every session and the server.
r new-session -d -s a || fail "new-session a"
r new-session -d -s b || fail "new-session b"
r kill-server || fail "kill-server"
wait_gone || fail "server still running after kill-server"

# new-sessions racing to start the server: one server, every session in it.
for i in 1 2 3 4 5; do
	r new-session -d -s "race$i" 'sleep 30' &
done
wait
[ "$(r list-sessions | wc -l)" -eq 5 ] || fail "racing new-sessions: $(r list-sessions)"
r kill-server
wait_gone || fail "server still running after kill-server"

# SIGTERM ends the server cleanly too.
r new-session -d -s t || fail "new-session t"
kill -TERM "$(server_pid)" || fail "no server pid"
wait_gone || fail "server still running after SIGTERM"

# Config files run as tmux's command queue runs them: run-shell and if-shell without -b
# hold the lines after them until their shell command ends, in source-file (and the
# command line after it) and in the start-up file (the request of the rsh that started
# the server waits for it, so its command sees what the whole file set, while others, as a
# run-shell's own rsh, are served). With -b they do not hold them.
# The start-up file: new-session waits for it, so its session and show see every line.
rsh_abs=$(cd "$(dirname "$RSH_BIN")" && pwd)/$(basename "$RSH_BIN")
cat >"$dir/start.conf" <<CONF
run-shell 'sleep 1; echo started >>$dir/log'
run-shell '$rsh_abs -S $sock set -g status-left-length 33'
set -g status-left y
if-shell 'sleep 0.5; test -e $dir/log' 'set -g status-right has-log' 'set -g status-right no-log'
set -g base-index 3
CONF
r -f "$dir/start.conf" new-session -d -s a || fail "new-session with the start-up file"
[ "$(r show -gv status-left)" = y ] || fail "start-up: status-left $(r show -gv status-left)"
[ "$(r show -gv status-right)" = has-log ] ||
	fail "start-up: if-shell decided before run-shell ended: $(r show -gv status-right)"
[ "$(r list-windows -t a -F '#{window_index}')" = 3 ] ||
	fail "start-up: the session was made before the file's end"
[ "$(r show -gv status-left-length)" = 33 ] ||
	fail "start-up: a run-shell's own rsh command was not served while the file waited"

# source-file: the second run-shell starts after the first ends; the line after
# source-file on the command line runs after the whole file.
: >"$dir/log"
cat >"$dir/run.conf" <<CONF
run-shell 'sleep 0.5; echo first >>$dir/log'
run-shell 'echo second >>$dir/log'
if-shell 'sleep 0.3; test -e $dir/flag' 'set -g status-right flag' 'set -g status-right noflag'
run-shell 'touch $dir/flag'
run-shell 'echo printed'
CONF
out=$(r source-file "$dir/run.conf" \; run-shell "echo after >>$dir/log")
[ $? -eq 0 ] || fail "source-file with waits failed"
[ "$(cat "$dir/log")" = "first
second
after" ] || fail "run-shell lines ran out of order: $(cat "$dir/log" | tr '\n' ' ')"
[ "$(r show -gv status-right)" = noflag ] ||
	fail "if-shell saw a later line's file: $(r show -gv status-right)"
[ "$out" = printed ] || fail "run-shell's output after a wait: '$out'"

# A bad line after a wait is still reported as file:line, and the rest runs.
cat >"$dir/bad.conf" <<CONF
run-shell 'sleep 0.2'
bad-command
set -g status-left after-bad
CONF
r source-file "$dir/bad.conf" 2>"$dir/err"
[ $? -eq 1 ] || fail "source-file with a bad line did not fail"
grep -q "bad.conf:2: unknown command: bad-command" "$dir/err" ||
	fail "the bad line after a wait: $(cat "$dir/err")"
[ "$(r show -gv status-left)" = after-bad ] || fail "the line after the bad one"

# -b holds nothing: the line after runs first.
: >"$dir/log"
cat >"$dir/bg.conf" <<CONF
run-shell -b 'sleep 0.5; echo late >>$dir/log'
run-shell 'echo early >>$dir/log'
CONF
r source-file "$dir/bg.conf" || fail "source-file with run-shell -b"
sleep 1
[ "$(cat "$dir/log")" = "early
late" ] || fail "run-shell -b held the next line: $(cat "$dir/log" | tr '\n' ' ')"

# A nested file waits inside the outer one.
: >"$dir/log"
echo "run-shell 'sleep 0.3; echo inner >>$dir/log'" >"$dir/inner.conf"
cat >"$dir/outer.conf" <<CONF
source-file $dir/inner.conf
run-shell 'echo outer >>$dir/log'
CONF
r source-file "$dir/outer.conf" || fail "nested source-file"
[ "$(cat "$dir/log")" = "inner
outer" ] || fail "nested file's wait: $(cat "$dir/log" | tr '\n' ' ')"

# Where nothing can wait (a file sourced from another command's list, as a binding's),
# the command returns and the file's rest runs after the wait by itself; a bad line
# there goes to the message log.
: >"$dir/log"
cat >"$dir/detached.conf" <<CONF
run-shell 'sleep 0.3; echo waited >>$dir/log'
set -g status-left detached-rest
no-such-command
CONF
r if-shell -F 1 "source-file $dir/detached.conf" || fail "source-file from a list"
[ ! -s "$dir/log" ] || fail "a list's source-file waited"
i=0
while [ "$(r show -gv status-left)" != detached-rest ] && [ $i -lt 100 ]; do
	sleep 0.05
	i=$((i + 1))
done
[ "$(r show -gv status-left)" = detached-rest ] || fail "the detached file's rest did not run"
[ "$(cat "$dir/log")" = waited ] || fail "the detached file's run-shell: $(cat "$dir/log")"
r show-messages | grep -q "detached.conf:3: unknown command: no-such-command" ||
	fail "the detached file's bad line not logged: $(r show-messages)"

# kill-server while a file's line waits (nested): the waits are dropped without a leak.
echo "run-shell 'sleep 5'" >"$dir/slow.conf"
echo "source-file $dir/slow.conf" >"$dir/slow-outer.conf"
r source-file "$dir/slow-outer.conf" >/dev/null 2>&1 &
slow=$!
sleep 0.3
r kill-server || fail "kill-server while a file waits"
wait $slow
wait_gone || fail "server still running after kill-server with a file waiting"

# buffer-limit keeps that many automatic buffers, newest first; exit-empty off keeps a
# server with no session, and on again ends it; exit-unattached ends one whose sessions
# have no client. (Each as tmux 3.3a.)
r new-session -d -s limits || fail "new-session limits"
r set -s buffer-limit 2 || fail "set buffer-limit"
r set-buffer a && r set-buffer b && r set-buffer c || fail "set-buffer"
[ "$(r list-buffers -F '#{buffer_name} #{buffer_sample}')" = "buffer2 c
buffer1 b" ] || fail "buffer-limit 2: $(r list-buffers -F '#{buffer_name}')"
r set -s exit-empty off || fail "set exit-empty off"
r kill-session -t limits || fail "kill-session limits"
sleep 0.3
server_alive || fail "exit-empty off: the server went with its last session"
r set -s exit-empty on || fail "set exit-empty on"
wait_gone || fail "exit-empty on again: the server stayed"
r new-session -d -s unattached || fail "new-session unattached"
r set -s exit-unattached on || fail "set exit-unattached"
wait_gone || fail "exit-unattached: the server stayed with no client"

# A socket directory others may enter is refused.
mkdir -m 755 "$dir/open"
expect_error "rsh: $dir/open is not private (mode 0755)" -S "$dir/open/s" new -d
[ ! -e "$dir/open/s" ] || fail "a server started in a public directory"
if [ "$(id -u)" -eq 0 ]; then
	mkdir -m 700 "$dir/theirs"
	chown 65534 "$dir/theirs"
	expect_error "rsh: $dir/theirs is not ours (owner uid 65534)" -S "$dir/theirs/s" new -d
fi
exit 0
