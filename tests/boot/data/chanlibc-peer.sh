# chanlibc's peer in dom0 (chanlibc-xl.t): two lines answered by stdio
# in the guest, then quit.
. "$FILES/channel.sh"
channel_open org.pvmini.libc || exit 1
printf 'hello there\n' >&3
expect "11 HELLO THERE"
printf 'x\n' >&3
expect "1 X"
printf 'quit\n' >&3
expect "bye"
echo "peer: all good"
