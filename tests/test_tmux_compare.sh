#!/bin/sh
# The same command lines run against tmux (private socket, no config) and rsh; after each,
# the windows (index, layout string, id) and the panes (index, size, place, id, active)
# must read the same from both. Skipped when tmux is not installed.
set -u
RSH_BIN=${RSH_BIN:-./src/rsh}
command -v tmux >/dev/null 2>&1 || { echo "SKIP: no tmux"; exit 77; }
dir=$(mktemp -d "${TMPDIR:-/tmp}/rsh-cmp.XXXXXX")
export SHELL=/bin/sh ENV=
unset RSH # run from inside an rsh pane, rsh would pick that server
export ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}log_path=$dir/sanitizer"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:+$UBSAN_OPTIONS:}log_path=$dir/sanitizer"
r() { "$RSH_BIN" -S "$dir/rsh" "$@"; }
t() { tmux -S "$dir/tmux" -f /dev/null "$@"; }
cleanup() {
	r kill-server >/dev/null 2>&1
	t kill-server >/dev/null 2>&1
	status=${failed:-0} # the steps' verdict, unless a sanitizer speaks
	if ls "$dir"/sanitizer.* >/dev/null 2>&1; then
		cat "$dir"/sanitizer.* >&2
		status=1
	fi
	rm -rf "$dir"
	exit $status
}
trap cleanup EXIT
failed=0

rsh_state() {
	for s in $(r list-sessions | sed 's/:.*//'); do
		r list-windows -t "$s" | sed -E 's/^([0-9]+): .*[^*-]([*-]?) \([0-9]+ panes\) .* \[layout (.*)\] (@[0-9]+).*/\1\2 \3 \4/'
		for w in $(r list-windows -t "$s" | sed 's/:.*//'); do
			r list-panes -t "$s:$w"
		done
	done
}

tmux_state() {
	for s in $(t list-sessions -F '#{session_name}'); do
		t list-windows -t "$s" -F '#{window_index}#{?window_active,*,}#{?window_last_flag,-,} #{window_layout} #{window_id}'
		for w in $(t list-windows -t "$s" -F '#{window_index}'); do
			t list-panes -t "$s:$w" -F '#{pane_index}: [#{pane_width}x#{pane_height}] [at #{pane_left},#{pane_top}] #{pane_id}#{?pane_active, (active),}'
		done
	done
}

# One command line (words as given) run by both; then the states compared.
step() {
	r "$@" >"$dir/r.out" 2>"$dir/r.err"; rc=$?
	t "$@" >"$dir/t.out" 2>"$dir/t.err"; tc=$?
	if [ $rc -ne $tc ]; then
		echo "FAIL: $*: rsh exit $rc ($(cat "$dir/r.err")), tmux $tc ($(cat "$dir/t.err"))" >&2
		failed=1
	fi
	if [ "$(sed 's/^rsh: //' "$dir/r.err")" != "$(cat "$dir/t.err")" ]; then
		echo "FAIL: $*: rsh said '$(cat "$dir/r.err")', tmux '$(cat "$dir/t.err")'" >&2
		failed=1
	fi
	rsh_state >"$dir/r.state"
	tmux_state >"$dir/t.state"
	if ! cmp -s "$dir/r.state" "$dir/t.state"; then
		echo "FAIL: after $*: rsh and tmux differ:" >&2
		diff "$dir/r.state" "$dir/t.state" | sed 's/^/  /' >&2
		failed=1
	fi
}

# The same, and the output must be the same too.
step_out() {
	step "$@"
	if ! cmp -s "$dir/r.out" "$dir/t.out"; then
		echo "FAIL: $*: rsh printed '$(cat "$dir/r.out")', tmux '$(cat "$dir/t.out")'" >&2
		failed=1
	fi
}

# Layouts: the five presets, the cycle, -E, a string and -o, at three sizes.
step new-session -d -s a -x 80 -y 24
step split-window -t a
step split-window -h -t a
step split-window -v -t a:0.0
step split-window -h -t a:0.2
for l in even-horizontal even-vertical main-horizontal main-vertical tiled; do
	step select-layout -t a "$l"
done
for i in 1 2 3 4 5 6; do step next-layout -t a; done
for i in 1 2 3; do step previous-layout -t a; done
step select-layout -t a
step resize-pane -t a:0.1 -R 7
step select-layout -E -t a:0.1
step select-layout -t a 'e3fc,80x24,0,0{78x24,0,0,0,1x24,79,0[1x5,79,0,1,1x5,79,6,2,1x5,79,12,3,1x6,79,18,4]}'
step select-layout -o -t a
step select-layout -t a main-v
step select-layout -t a face # (a word not starting with a hex digit crashes tmux 3.3a)
step kill-pane -t a:0.2
step select-layout -t a tiled
step new-session -d -s b -x 120 -y 40
for i in 1 2 3 4 5 6; do step split-window -t b; step select-layout -t b tiled; done
for l in even-horizontal even-vertical main-horizontal main-vertical tiled; do
	step select-layout -t b "$l"
done
step new-session -d -s c -x 200 -y 50
for i in 1 2 3; do step split-window -h -t c; done
for l in main-horizontal main-vertical tiled even-vertical; do
	step select-layout -t c "$l"
done

# Panes: swaps, rotations, last pane, kills, breaks, joins, splits before, full and sized.
step new-session -d -s d -x 80 -y 24
step split-window -t d
step split-window -h -t d
step split-window -b -t d:0.0
step swap-pane -D -t d
step swap-pane -U -t d
step swap-pane -U -t d:0.0
step swap-pane -s d:0.0 -t d:0.3
step swap-pane -d -s d:0.1 -t d:0.2
step rotate-window -t d
step rotate-window -D -t d
step select-pane -t d:0.2
step last-pane -t d
step select-pane -l -t d
step kill-pane -t d:0.2
step last-pane -t d
step split-window -h -t d:0.0
step break-pane -d -s d:0.1
step break-pane -s d:0.0 -t d:5
step join-pane -h -s d:5.0 -t d:0.1
step join-pane -d -s d:1 -t d:0.0
step move-pane -b -s d:0.0 -t d:0.2
step split-window -f -h -t d
step split-window -f -b -v -t d
step split-window -l 5 -t d:0.1
step split-window -h -l 30% -t d:0.1
step split-window -v -l 300 -t d:0.1
step join-pane -s d:0.1 -t d:0.1
step select-layout -t d tiled
step swap-pane -s d:0.4 -t d:0.0
step kill-pane -a -t d:0.3
step split-window -t d
step rotate-window -U -t d
step kill-pane -t d:0.0
step split-window -h -t d:0.0
step split-window -v -t d:0.1
step resize-pane -t d:0.1 -x 30
step resize-pane -t d:0.1 -y 5
step resize-pane -t d:0.2 -x 50%
step resize-pane -t d:0.2 -y 30%
step resize-pane -t d:0.0 -L 3
step resize-pane -t d:0.3 -R
step resize-pane -t d:0.1 -U 2
step resize-pane -t d:0.2 -D 40
step resize-pane -t d:0.0 -x 1000

# Windows: last, select -l -n -p -T, swap, move (-k, -r), kill -a, new -a -b -k -S.
step new-session -d -s w -x 80 -y 24
step new-window -t w
step new-window -t w
step new-window -d -t w:7
step select-window -t w:1
step last-window -t w
step select-window -l -t w
step select-window -n -t w
step select-window -p -t w
step select-window -T -t w:2
step select-window -T -t w:2
step swap-window -s w:0 -t w:2
step swap-window -d -s w:1 -t w:7
step move-window -s w:0 -t w:5
step move-window -t w:3
step move-window -s w:1 -t w:2
step move-window -k -s w:1 -t w:2
step move-window -r -t w
step kill-window -a -t w:1
step new-window -t w
step new-window -a -t w:0
step new-window -b -t w:1
step new-window -k -t w:1
step new-window -S -n logs -t w
step new-window -S -n logs -t w
step split-window -t w:2
step respawn-pane -t w:2.1
step respawn-pane -k -t w:2.1
step respawn-window -t w:2
step respawn-window -k -t w:2
step last-window -t b
step move-window -d -s c -t c:3
step move-window -s c:3 -t w:9
step kill-window -t w:0

# main-pane-width/-height and other-pane-width/-height: cells, percentages, too large
# (session z: tmux lists sessions by name, rsh by creation).
step new-session -d -s z -x 120 -y 40
for i in 1 2 3; do step split-window -t z; done
for v in 30 50% 200 abc 0; do
	step set -w -t z main-pane-width "$v"
	step select-layout -t z main-vertical
	step set -w -t z main-pane-height "$v"
	step select-layout -t z main-horizontal
done
step set -w -t z main-pane-width 80
step set -w -t z other-pane-width 20
step select-layout -t z main-vertical
step set -w -t z other-pane-height 25%
step select-layout -t z main-horizontal
step next-layout -t z

# -P and -F on the commands that make panes, windows and sessions.
step_out new-window -P -t z
step_out new-window -d -P -F '#{window_index} #{pane_index} #{session_name}' -t z
step_out split-window -P -t z
step_out split-window -d -P -F '#{pane_index}:#{window_index}' -t z
step_out break-pane -d -P -t z
step_out break-pane -P -F '[#{window_index}]' -s z:0.1
step_out new-session -d -P -s zz -x 80 -y 24
step_out new-session -d -P -F '#{session_name}/#{window_index}' -s zzz -x 80 -y 24

# select-pane -T: the pane's title, a format.
step select-pane -T 'my #{window_index}.#{pane_index}' -t z:0.0
step_out display -p -t z:0.0 '#{pane_title}'
step_out display -p -t z:0.0 '#{pane_index}'

# #{m:} with its flags; buffer_* of the most recent buffer (tmux's default) and none.
step_out display -p -t z '#{m/i:W*,work}#{m/r:^w.r,work}#{m/ri:^W,work}#{m/r:(,work}#{mr:^w,x}'
step_out display -p -t z '[#{buffer_name}]'
step set-buffer -b foo 'ab	c'
step set-buffer xyz
step_out display -p -t z '#{buffer_name}|#{buffer_size}|#{buffer_sample}|#{m:buf*,#{buffer_name}}'
step delete-buffer
step_out display -p -t z '#{buffer_name}|#{buffer_size}|#{buffer_sample}'

# next-window and previous-window: a lone window has none, -a wants a window with an alert.
step new-session -d -s zzzz -x 80 -y 24
step next-window -t zzzz
step previous-window -t zzzz
step next-window -a -t zzzz
step new-window -d -t zzzz
step next-window -a -t zzzz
step previous-window -a -t zzzz
step next-window -t zzzz
step previous-window -t zzzz

# pipe-pane: -o toggles, no command closes, #{pane_pipe} says which; a window that is not there
# (session zzzzz: after the others in tmux's order too).
step new-session -d -s zzzzz -x 80 -y 24
step pipe-pane -t zzzzz 'cat >/dev/null'
step_out display -p -t zzzzz '#{pane_pipe}'
step pipe-pane -o -t zzzzz 'cat >/dev/null'
step_out display -p -t zzzzz '#{pane_pipe}'
step pipe-pane -o -t zzzzz 'cat >/dev/null'
step_out display -p -t zzzzz '#{pane_pipe}'
step pipe-pane -I -t zzzzz 'sleep 30'
step_out display -p -t zzzzz '#{pane_pipe}'
step pipe-pane -t zzzzz
step_out display -p -t zzzzz '#{pane_pipe}'
step pipe-pane -t zzzzz:9 'cat'

# The client commands from outside any client: which client, and the messages.
step refresh-client -t nosuch
step refresh-client -S
step refresh-client
step suspend-client
step suspend-client -t nosuch
step_out display -p -t zzzzz '#{pane_marked}#{pane_marked_set}#{window_marked_flag}#{window_flags}'
step select-pane -m -t zzzzz
step_out display -p -t zzzzz '#{pane_marked}#{pane_marked_set}#{window_marked_flag}#{window_flags}'
step select-pane -M -t zzzzz
step_out display -p -t zzzzz '#{pane_marked}#{pane_marked_set}#{window_marked_flag}#{window_flags}'

# list-sessions -f, list-windows -a -f (sessions in tmux's name order: one kept), kill-session -C,
# start-server with a server running.
step new-window -d -t zzzzz:
step_out list-sessions -F '#{session_name}' -f '#{==:#{session_name},zzzzz}'
step_out list-windows -a -f '#{==:#{session_name},zzzzz}'
step_out list-windows -a -f '#{&&:#{==:#{session_name},zzzzz},#{window_active}}' -F '#{session_name}:#{window_index}'
step_out list-windows -t zzzzz -f '#{?window_active,0,1}' -F '#{window_index}'
step kill-session -C -t zzzzz
step kill-session -C -t nosuch
step_out start-server

# resize-window: sizes, adjustments, and its errors (one pane: rsh shares a window's
# resize among panes in proportion, tmux a cell at a time).
step new-session -d -s zzzzzz -x 80 -y 24
step resize-window -t zzzzzz -x 40 -y 10
step resize-window -t zzzzzz -R 5
step resize-window -t zzzzzz -U
step resize-window -t zzzzzz -L 100
step resize-window -t zzzzzz -D 3
step_out show -w -t zzzzzz window-size
step resize-window -t zzzzzz -x 0
step resize-window -t zzzzzz -x abc
step resize-window -t zzzzzz -y 100000
step resize-window -t zzzzzz 0

# pane-border-status: the panes on the window's top (or bottom) edge give a row to their
# border status lines, the layout string keeps the cells; a split of such a pane one above
# the other needs a row more; pane_top and pane_at_* read the panes' places.
step new-session -d -s zzzzzzzb -x 80 -y 24
step set -w -t zzzzzzzb pane-border-status top
step split-window -t zzzzzzzb
step split-window -h -t zzzzzzzb
step split-window -v -t zzzzzzzb:0.0 -l 3
step_out display -p -t zzzzzzzb:0.2 '#{pane_top} #{pane_bottom} #{pane_left} #{pane_right} #{pane_at_top}#{pane_at_bottom}#{pane_at_left}#{pane_at_right}'
step set -w -t zzzzzzzb pane-border-status bottom
step_out list-panes -t zzzzzzzb -F '#{pane_index} #{pane_top} #{pane_at_top}#{pane_at_bottom}'
step set -w -t zzzzzzzb pane-border-status off
step new-session -d -s zzzzzzzc -x 80 -y 3
step set -w -t zzzzzzzc pane-border-status top
step split-window -t zzzzzzzc
step set -w -t zzzzzzzc pane-border-status off
step split-window -t zzzzzzzc

# list-buffers -F -f (tmux's default format), list-clients -F with no client attached.
step set-buffer -b one 'hello there'
step set-buffer -b two world
step_out list-buffers
step_out list-buffers -F '#{buffer_name}:#{buffer_size}:#{buffer_sample}'
step_out list-buffers -f '#{==:#{buffer_name},two}'
step_out list-buffers -F '#{buffer_name}' -f '#{m:*o*,#{buffer_name}}'
step_out list-clients -F '#{client_name}'

# bind-key checks each command at bind time and keeps its full name, as tmux: a typo is
# an error then, not a key that does nothing; list-keys shows split-window for splitw.
step bind-key -T prefix F1 nosuchcmd
step bind-key -T prefix F2 splitw -h \; neww -d
step_out list-keys -T prefix F2
step bind-key -T prefix F3 'if -F 1 "display x" ; selectp -t :.+'
step_out list-keys -T prefix F3

# The root table's mouse keys as tmux 3.3a ships them, { } blocks as tmux prints them,
# key by key (the key column is as wide as the widest listed, and rsh lacks the
# display-menu keys MouseDown3Pane, MouseDown3Status, MouseDown3StatusLeft and
# M-MouseDown3Pane); both copy-mode tables whole; a user's blocks, from a file, printed
# with their commands' full names (on one line each: tmux prints commands from a block's
# separate lines with ";;" between, rsh with ";"); the mouse target from the command
# line, where there is no mouse event.
for k in MouseDown1Pane MouseDown1Status MouseDown2Pane MouseDrag1Pane MouseDrag1Border \
	WheelUpPane WheelUpStatus WheelDownStatus DoubleClick1Pane TripleClick1Pane; do
	step_out list-keys -T root $k
done
step_out list-keys -T copy-mode
step_out list-keys -T copy-mode-vi
cat >"$dir/blocks.conf" <<'EOF'
bind -T prefix F5 { splitw -h ; neww -d }
bind -n F6 if -F '#{pane_in_mode}' { send -X cancel } { display-message "a b" ; selectp -t :.+ }
bind -T copy-mode-vi F7 command-prompt -p 'go:' { send -X goto-line '%%' }
bind -T prefix F8 if -F 1 { if -F 0 { neww } { splitw ; neww } }
EOF
step source-file "$dir/blocks.conf"
for k in "prefix F5" "root F6" "copy-mode-vi F7" "prefix F8"; do
	set -- $k
	step_out list-keys -T "$1" "$2"
done
step select-pane -t =
step send-keys -M -t a
step resize-pane -M -t a

# capture-pane -J: lines the terminal wrapped join, a space at the edge kept; a line as
# wide as the pane ended by the program's newline stays a line.
text='0123456789abcdefghijklmnopqrstuvwxyz end\naaaaaaaaaaaaaaaaaaa bbb\n01234567890123456789\nnext\ndone'
step new-session -d -s zzzzzzzd -x 20 -y 8 "printf '$text'; sleep 30"
i=0
until r capture-pane -p -t zzzzzzzd | grep -q done && t capture-pane -p -t zzzzzzzd | grep -q done; do
	[ $i -lt 100 ] || { echo "FAIL: the capture-pane -J pane printed nothing" >&2; failed=1; break; }
	sleep 0.05
	i=$((i + 1))
done
step_out capture-pane -pJ -t zzzzzzzd
step_out capture-pane -p -t zzzzzzzd
# gone from both now, not when each one's sleep ends (a loaded machine ran the steps
# below past it in one and not yet in the other)
step kill-session -t zzzzzzzd

# Arithmetic #{e|op|flags|precision:a,b} and #{a:n} (an ASCII character), as tmux 3.3a's
# format_replace_expression: each line of formats below printed by display -p of both
# (the last three read the session's window_index and pane_width); the chooser's
# default -K key format among them.
step new-session -d -s zzzzzzze -x 80 -y 24
while IFS= read -r f; do
	ro=$(r display -p -t zzzzzzze "$f" 2>&1)
	to=$(t display -p -t zzzzzzze "$f" 2>&1)
	[ "$ro" = "$to" ] || { echo "FAIL: display -p '$f': rsh '$ro', tmux '$to'" >&2; failed=1; }
done <<'FORMATS'
#{e|+|:1,2}
#{e|+:1,2}
#{e|-:10,3}
#{e|*:6,7}
#{e|/:7,2}
#{e|/|f:7,2}
#{e|/|f|4:7,2}
#{e|%:7,3}
#{e|m:7,3}
#{e|%|f:7.5,2}
#{e|==:1,1}
#{e|!=:1,2}
#{e|<:3,10}
#{e|>:3,10}
#{e|<=:3,3}
#{e|>=:2,3}
#{e|==|f:1,1}
#{e|/:1,0}
#{e|%:1,0}
#{e|+:1.9,2.9}
#{e|+|f:1.9,2.9}
#{e|+:,5}
#{e|+:x,5}
#{e|+:5}
#{e|^:1,2}
#{e:1,2}
#{e|+|f|-1:1,2}
#{e|+|f|0:1.5,2}
#{e|+|f|x:1,2}
#{e|+| f|3:1,2}
#{e|+:1e3,2}
#{e|+:0x10,1}
#{e|+: 3,1}
#{e|+:3 ,1}
#{e|*:99999999999,99999999999}
#{e|-:0,9223372036854775807}
#{e|+:1,2,3}
#{e|+:#{e|*:2,3},1}
#{e/+/:1,2}
#{=2:#{e|*:100,7}}
#{a:97}
#{a:65}
#{a:31}
#{a:127}
#{a:126}
#{a: 66}
#{a:+67}
#{a:x}
#{a:}
#{a:#{e|+:97,2}}
#{a:9a}
#{e|+|:#{a:50},1}
#{?#{e|<:5,10},#{e|+:5,0},#{?#{e|<:5,36},M-#{a:#{e|+:97,#{e|-:5,10}}},}}
#{?#{e|<:12,10},12,#{?#{e|<:12,36},M-#{a:#{e|+:97,#{e|-:12,10}}},}}
#{?#{e|<:40,10},40,#{?#{e|<:40,36},M-#{a:#{e|+:97,#{e|-:40,10}}},}}
#{e|+|f|2:nan,1}
#{e|+:inf,1}
#{e|+|f:inf,1}
#{e|<|f:1,2}
#{e|+|ff:1,2}
#{e|+|x:1.5,2}
#{e|+|f|3|4:1,2}
#{e|+|f|3:1,2}
#{l:#{e|+:1,2}}
#{e|+:-1,-2}
#{e|-:-1,2}
#{E:#{e|+:1,2}}
#{e|+;=1:11,2}
#{=1;e|+:11,2}
#{e|+:#{window_index},1}
#{e|*:#{pane_width},2}
#{e|+||:1,2}
#{e-:1,2}
#{e|+|f|99999999999:1,2}
#{e|/|f|20:1,3}
#{a:#{e|+:#{window_index},65}}
#{e|==:#{a:65},A}
FORMATS

[ $failed -eq 0 ] && echo "rsh and tmux agree"
exit $failed
