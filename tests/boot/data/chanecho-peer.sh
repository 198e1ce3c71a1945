# chanecho's peer in dom0 (chanecho-xl.t): opens the channel
# org.pvmini.echo (channel.sh) and talks to the guest through it -
# both directions, with more data than either ring holds. Says "peer: ..."
# for each step (into the job's xl log); exits non-zero at the first
# thing that is wrong.
. "$FILES/channel.sh"
channel_open org.pvmini.echo || exit 1

printf 'ping one\n' >&3
expect "echo: ping one"

# guest -> dom0: 3000 numbered lines, 60 KB through the 2 KB output ring,
# more than a pty buffers: QEMU 7.2 passes the tail on only when kicked
printf 'lines 3000\n' >&3
got=$(head -n 3000 <&4 | awk '$0 != sprintf("chanecho line %05d", NR - 1) { bad++ }
    END { print NR, bad + 0 }')
echo "peer: got $got (lines, wrong ones)"
[ "$got" = "3000 0" ] || exit 1

# dom0 -> guest: 400 numbered lines, 20 KB through the 1 KB input ring
line="input line 00000 and some padding to make it longer"
{
    echo count
    i=0
    while [ $i -lt 400 ]; do
        printf 'input line %05d and some padding to make it longer\n' $i
        i=$((i + 1))
    done
    echo end
} >&3
expect "counted 400 lines, $((400 * (${#line} + 1))) bytes, 0 out of order"

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
