#!/bin/sh
# A private sshd on loopback for the remote tests, with a fresh host key and user key, for
# the user running the tests.
#   sshd.sh start DIR   starts it; DIR/ssh is then an ssh command that reaches it
#                       (rsh --ssh=DIR/ssh USER@127.0.0.1). Exit 77 when there is no sshd.
#   sshd.sh stop DIR    stops it.
# The environment variables ASAN_OPTIONS, UBSAN_OPTIONS and RSH_* travel to the host side.
set -eu
cmd=$1
dir=$(cd "$2" && pwd)
sshd=/usr/sbin/sshd

if [ "$cmd" = stop ]; then
	[ -f "$dir/sshd.pid" ] && kill "$(cat "$dir/sshd.pid")" 2>/dev/null || true
	exit 0
fi
[ -x "$sshd" ] && command -v ssh >/dev/null && command -v ssh-keygen >/dev/null || exit 77

# The sessions' HOME: an empty directory of the test's, so no rc file of the user's runs
# (a login's ~/.bashrc can take a minute, e.g. pyenv waiting for a lock a killed login
# left) and no config of the user's applies on the host side.
mkdir -p "$dir/home"
ssh-keygen -q -t ed25519 -N '' -f "$dir/host_key"
ssh-keygen -q -t ed25519 -N '' -f "$dir/user_key"
cp "$dir/user_key.pub" "$dir/authorized_keys"
chmod 600 "$dir/authorized_keys"
# sshd wants its privilege separation directory; only root can make it.
[ -d /run/sshd ] || mkdir -p /run/sshd 2>/dev/null || true

# A port nobody uses: try a few at random until sshd binds one.
tries=0
while :; do
	port=$(( 20000 + $(od -An -N2 -tu2 /dev/urandom) % 20000 ))
	cat >"$dir/sshd_config" <<CONF
ListenAddress 127.0.0.1
ListenAddress [::1]
Port $port
HostKey $dir/host_key
AuthorizedKeysFile $dir/authorized_keys
PidFile $dir/sshd.pid
PasswordAuthentication no
KbdInteractiveAuthentication no
PermitRootLogin prohibit-password
StrictModes no
UsePAM no
AcceptEnv ASAN_OPTIONS UBSAN_OPTIONS RSH_*
SetEnv HOME=$dir/home
CONF
	if "$sshd" -f "$dir/sshd_config" -E "$dir/sshd.log"; then
		break
	fi
	tries=$((tries + 1))
	[ $tries -lt 20 ] || { cat "$dir/sshd.log" >&2; exit 1; }
done

cat >"$dir/ssh_config" <<CONF
Host *
	Port $port
	IdentityFile $dir/user_key
	IdentitiesOnly yes
	StrictHostKeyChecking no
	UserKnownHostsFile /dev/null
	BatchMode yes
	LogLevel ERROR
	SendEnv ASAN_OPTIONS UBSAN_OPTIONS RSH_*
CONF
printf '#!/bin/sh\nexec ssh -F %s/ssh_config "$@"\n' "$dir" >"$dir/ssh"
chmod +x "$dir/ssh"
# Wait until it answers (a bounded number of tries).
i=0
until "$dir/ssh" 127.0.0.1 true 2>/dev/null; do
	i=$((i + 1))
	[ $i -lt 50 ] || { echo "sshd on port $port does not answer" >&2; exit 1; }
	sleep 0.1
done
