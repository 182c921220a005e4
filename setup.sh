#!/bin/sh
# Sets up, builds and runs rsh on Debian 12. Safe to run again.
#   ./setup.sh          install what is missing, build, start a local session
#   ./setup.sh check    install what is missing, build with ASan+UBSan, run the whole suite
set -eu
cd "$(dirname "$0")"
mode=${1:-run}

# Build tools, the four libraries, and what the tests and benchmarks drive
# (a real sshd on loopback, mosh and tmux to compare with, clang for fuzzing, the
# full-screen programs the fidelity test runs through the client).
PACKAGES="build-essential autoconf automake libtool pkg-config
	libvterm-dev libsodium-dev libmsgpack-dev libncurses-dev ncurses-term
	clang libclang-rt-14-dev openssh-server openssh-client mosh tmux iproute2 procps
	vim less man-db htop vttest"

install_missing() {
	missing=
	for p in $PACKAGES; do
		dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed' ||
			missing="$missing $p"
	done
	[ -z "$missing" ] && return 0
	if [ "$(id -u)" != 0 ]; then
		echo "setup.sh: missing packages:$missing" >&2
		echo "setup.sh: run as root, or: sudo apt-get install$missing" >&2
		exit 1
	fi
	echo "setup.sh: installing$missing"
	apt-get update -qq
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing >/dev/null
}

# configure in a build directory of its own, so the plain and sanitizer builds coexist.
build() {
	dir=$1; shift
	# A build configured in the source tree itself (./configure && make, by hand) makes
	# autoconf refuse every build directory: clean it away first.
	if [ -f config.status ] && [ -f Makefile ]; then
		echo "setup.sh: cleaning the build configured in the source tree (make distclean)"
		make -s distclean >/dev/null
	fi
	[ -x configure ] && [ configure -nt configure.ac ] || autoreconf -fi
	mkdir -p "$dir"
	if [ ! -f "$dir/config.status" ] || [ configure -nt "$dir/config.status" ]; then
		(cd "$dir" && ../configure -q "$@")
	fi
	make -s -C "$dir" -j"$(nproc)"
}

# Prints the plain summary line CI reads, from automake's test logs.
summarise() {
	log=$1/test-suite.log
	if [ ! -f "$log" ]; then
		echo "setup.sh: the tests did not run (see the build errors above)" >&2
		echo "0 passed, 1 failed"
		return
	fi
	pass=$(sed -n 's/^# PASS: *//p' "$log"); fail=$(sed -n 's/^# FAIL: *//p' "$log")
	xpass=$(sed -n 's/^# XPASS: *//p' "$log"); err=$(sed -n 's/^# ERROR: *//p' "$log")
	skip=$(sed -n 's/^# SKIP: *//p' "$log")
	echo "${pass:-0} passed, $(( ${fail:-0} + ${xpass:-0} + ${err:-0} )) failed, ${skip:-0} skipped"
}

install_missing
case $mode in
run)
	build build
	rsh=build/src/rsh
	# On the PATH of the server this starts, and so of its shells: `rsh ls` works inside.
	PATH="$(pwd)/build/src:$PATH"
	export PATH
	# The session "main": attached to when it runs, else created. C-b d detaches.
	if "$rsh" has-session -t main 2>/dev/null; then
		exec "$rsh" attach-session -t main
	fi
	exec "$rsh" new-session -s main
	;;
check)
	build build-check --enable-sanitizers
	rm -f build-check/test-suite.log # a stale one would be counted
	status=0
	make -s -C build-check -j"$(nproc)" check || status=$?
	[ $status = 0 ] && [ -f build-check/test-suite.log ] || tail -n 60 build-check/test-suite.log 2>/dev/null
	summarise build-check
	exit $status
	;;
*)
	echo "usage: ./setup.sh [run|check]" >&2
	exit 2
	;;
esac
