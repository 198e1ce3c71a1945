# chanpair's peer in dom0 (chanopen-two-threads-xl.t): asks each of the
# two channels its name; the guest answers on the fd it opened for it.
. "$FILES/channel.sh"
channel_open org.pvmini.a || exit 1
printf 'name?\n' >&3
expect "a"
channel_open org.pvmini.b || exit 1
printf 'name?\n' >&3
expect "b"
echo "peer: all good"
