#!/bin/sh
# Builds every fuzz target with clang's libFuzzer, ASan and UBSan into OUT.
# Usage: build.sh SRCDIR OUT   (then: OUT/fuzz_NAME -max_total_time=300 SRCDIR/tests/fuzz/corpus/NAME)
set -eu
src=$1; out=$2
mkdir -p "$out/obj"
flags="-g -O1 -std=c11 -D_GNU_SOURCE -I$src/src -fsanitize=address,undefined -fno-sanitize-recover=all"
deps="$(pkg-config --cflags vterm libsodium ncursesw) $(pkg-config --cflags msgpack-c 2>/dev/null || pkg-config --cflags msgpack)"
libs="$(pkg-config --libs vterm libsodium) $(pkg-config --libs msgpack-c 2>/dev/null || pkg-config --libs msgpack) -lutil -lm"
objs=
for f in "$src"/src/util/*.c "$src"/src/term/*.c "$src"/src/net/*.c "$src"/src/server/*.c \
	"$src"/src/client/keyparse.c "$src"/src/client/prefix.c "$src"/src/client/ssh_reply.c; do
	[ -f "$f" ] || continue
	o="$out/obj/$(echo "$f" | sed "s|^$src/||; s|/|_|g; s|\.c$|.o|")"
	clang $flags -fsanitize=fuzzer-no-link $deps -c "$f" -o "$o"
	objs="$objs $o"
done
for t in "$src"/tests/fuzz/fuzz_*.c; do
	[ -f "$t" ] || continue
	name=$(basename "$t" .c)
	clang $flags -fsanitize=fuzzer $deps "$t" $objs $libs -o "$out/$name"
	echo "built $out/$name"
done
