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
    printf 'lines 3000\n' >&3
    got=$(head -n 3000 <&4 | awk '$0 != sprintf("chanecho line %05d", NR - 1) { bad++ }
        END { print NR, bad + 0 }')
    echo "peer: got $got (lines, wrong ones)"
    [ "$got" = "3000 0" ] || exit 1
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
    printf 'quit\n' >&3
    expect "bye" ;;
esac
echo "peer: all good ($1)"
