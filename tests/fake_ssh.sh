#!/bin/sh
# A stand-in for ssh in tests: runs the remote command on this machine through sh, as
# sshd hands it to the user's shell. Takes ssh's form: [options] destination [--] command.
# -G prints a hostname line ($FAKE_SSH_HOSTNAME, or the destination). The command sees the
# -o options given in FAKE_SSH_OPTIONS.
FAKE_SSH_OPTIONS=
while [ $# -gt 0 ]; do
	case $1 in
	-G) echo "user nobody"; echo "hostname ${FAKE_SSH_HOSTNAME:-$2}"; exit 0 ;;
	-o) FAKE_SSH_OPTIONS="$FAKE_SSH_OPTIONS $2"; shift 2 ;;
	-[BbcDEeFIiJLlmOoPpQRSWw]) shift 2 ;; # ssh's options that take an argument
	-*) shift ;;
	*) break ;;
	esac
done
shift # the destination
[ "${1-}" = "--" ] && shift
export FAKE_SSH_OPTIONS
exec sh -c "$*"
