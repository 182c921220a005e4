#!/bin/sh
# port_map.sh HOSTPORT CLIENTPORT COMMAND...: runs the host's rsh (as --server names it)
# as if a NAT in front of the host forwarded UDP port CLIENTPORT to the server's HOSTPORT:
# a word CLIENTPORT in the command (bootstrap --relay's) becomes HOSTPORT, and a connect
# line's port HOSTPORT is told as CLIENTPORT. What follows the first line (the ssh path's
# frames) passes as it is. With tests/udpproxy on CLIENTPORT, the client's UDP goes
# through the proxy while the host's relay reaches the server directly.
set -u
host=$1
client=$2
shift 2
n=$#
while [ "$n" -gt 0 ]; do
	a=$1
	shift
	[ "$a" = "$client" ] && a=$host
	set -- "$@" "$a"
	n=$((n - 1))
done
"$@" | {
	if IFS= read -r line; then
		case $line in
		"RSH CONNECT $host "*) line="RSH CONNECT $client ${line#"RSH CONNECT $host "}" ;;
		esac
		printf '%s\n' "$line"
		exec cat
	fi
}
