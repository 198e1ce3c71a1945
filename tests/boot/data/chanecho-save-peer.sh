# chanecho's peer across xl save and xl restore (chanecho-save-xl.t).
#   before: a round trip on the channel, then rig-save: the rig restores
#           the guest, whose new QEMU gives the channel a new pty
#   after:  (run once the guest says it is restored) the channel found
#           again through the new domain's xenstore, a round trip, 60 KB
#           out and 20 KB in, quit
. "$FILES/channel.sh"
channel_open org.pvmini.echo || exit 1
case $1 in
before)
    printf 'ping before\n' >&3
    expect "echo: ping before"
    exec 3>&- 4<&-
    rig-save || exit 1 ;;
after)
    printf 'ping after\n' >&3
    expect "echo: ping after"
    chanecho_bulk
    printf 'quit\n' >&3
    expect "bye" ;;
esac
echo "peer: all good ($1)"
