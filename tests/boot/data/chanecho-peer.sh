# chanecho's peer in dom0 (chanecho-xl.t): opens the channel
# org.pvmini.echo (channel.sh) and talks to the guest through it -
# both directions, with more data than either ring holds. Says "peer: ..."
# for each step (into the job's xl log); exits non-zero at the first
# thing that is wrong.
. "$FILES/channel.sh"
channel_open org.pvmini.echo || exit 1

printf 'ping one\n' >&3
expect "echo: ping one"

chanecho_bulk

# "reopen" as $1: the guest closes the device and connects it again,
# and the channel must still work (a socket's; QEMU 7.2 loses a pty's).
if [ "${1:-}" = reopen ]; then
    printf 'reopen\n' >&3
    expect "reopened"
    printf 'ping two\n' >&3
    expect "echo: ping two"
fi

printf 'quit\n' >&3
expect "bye"
echo "peer: all good"
