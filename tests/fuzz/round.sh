#!/bin/bash
# A fuzz round: each named target (all when none is named) runs under libFuzzer until it
# has used BUDGET seconds of CPU, counted from /proc (the fork-mode parent and its jobs,
# finished or running), not of wall time: on a loaded machine a wall-clock limit fuzzes far
# less than it says. Fork mode keeps going after a crash, timeout or OOM and keeps each
# input in WORK/NAME/art. One line per target on stdout (and in WORK/log.tsv):
#   time  target  wall=S  cpu=S  runs=N  crash/timeout/oom=C/T/O  hangs=H
# where H counts the timeouts that still hang when replayed alone at normal priority.
#
#   tests/fuzz/round.sh FUZZ_BUILD_DIR WORK_DIR [target...]   (BUDGET=1200, NICE=0)
#
# FUZZ_BUILD_DIR is configured with CC=clang --enable-fuzzing (fuzz_NAME in it, see
# README.md); WORK_DIR gets a copy of each corpus, grown by the run. Copy new
# findings into tests/fuzz/corpus/NAME (minimised) once they are fixed.
set -u
[ $# -ge 2 ] || { sed -n 2,15p "$0" >&2; exit 2; }
build=$(cd "$1" && pwd) work=$2; shift 2
corpora=$(cd "$(dirname "$0")/corpus" && pwd)
budget=${BUDGET:-1200}
[ $# -gt 0 ] || set -- $(cd "$corpora" && ls)
mkdir -p "$work"

# The parent's CPU with its reaped children's, plus what its live descendants (the job
# running now) have used so far.
cpu_seconds() {
	local own
	own=$(awk '{ print ($14 + $15 + $16 + $17) / 100 }' "/proc/$1/stat" 2>/dev/null) ||
		return 1
	ps -e -o pid=,ppid=,times= | awk -v root="$1" -v own="$own" '
		{ parent[$1] = $2; t[$1] = $3 }
		END {
			sum = own
			for (p in parent) {
				q = parent[p]
				while (q != "" && q != root && q > 1) q = parent[q]
				if (q == root) sum += t[p]
			}
			print sum
		}'
}

# How many of the timeouts kept in art/ still take over 2 s when run again alone at
# normal priority: libFuzzer's timeout is wall time, so a round at idle priority (or on a
# busy machine) reports inputs that were only starved of CPU.
hangs() {
	local f n=0
	for f in "$2"/timeout-*; do
		[ -f "$f" ] || continue
		chrt -o 0 "$1" -timeout=2 -runs=1 "$f" >/dev/null 2>&1 || n=$((n + 1))
	done
	echo $n
}

for t in "$@"; do
	[ -x "$build/fuzz_$t" ] || { echo "round.sh: no $build/fuzz_$t" >&2; continue; }
	d=$work/$t
	mkdir -p "$d/corpus" "$d/art"
	cp -n "$corpora/$t"/* "$d/corpus/" 2>/dev/null
	start=$(date +%s)
	nice -n "${NICE:-0}" "$build/fuzz_$t" -fork=1 -ignore_crashes=1 -ignore_timeouts=1 \
		-ignore_ooms=1 -timeout=2 -rss_limit_mb=2048 -artifact_prefix="$d/art/" \
		"$d/corpus" >"$d/out.log" 2>&1 &
	pid=$! used=0
	while kill -0 $pid 2>/dev/null; do
		sleep 5
		c=$(cpu_seconds $pid) && [ -n "$c" ] && used=$c
		awk -v u="$used" -v b="$budget" 'BEGIN { exit !(u >= b) }' && break
	done
	kill -INT $pid 2>/dev/null
	sleep 2
	kill -KILL $pid 2>/dev/null
	wait $pid 2>/dev/null
	last=$(grep '^#[0-9]*:' "$d/out.log" | tail -n 1)
	runs=${last%%:*}
	found=$(sed -n 's,.*oom/timeout/crash: \([0-9]*\)/\([0-9]*\)/\([0-9]*\).*,\3/\2/\1,p' \
		<<<"$last")
	printf '%s\t%s\twall=%ss\tcpu=%ss\truns=%s\tcrash/timeout/oom=%s\thangs=%s\n' \
		"$(date +%H:%M)" "$t" $(($(date +%s) - start)) "$used" "${runs#\#}" \
		"${found:-?}" "$(hangs "$build/fuzz_$t" "$d/art")" | tee -a "$work/log.tsv"
done
