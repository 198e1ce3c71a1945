# The dom0 side of bench/channel.sh (bench/*.sh are run on the host;
# this one runs in the rig's dom0): moves $1 lines out of chanecho and
# $2 lines into it, then asks for its counts. Input is generated before
# it is sent, so the guest's clock times the channel, not this shell.
. "$FILES/channel.sh"
channel_open org.pvmini.echo || exit 1
awk -v n="$2" 'BEGIN { for (i = 0; i < n; i++)
    printf "input line %05d and some padding to make it longer\n", i }' \
    >/tmp/bench-input
printf 'lines %s\n' "$1" >&3
got=$(head -n "$1" <&4 | wc -l)
echo "peer: read $got lines"
{ echo count; cat /tmp/bench-input; echo end; } >&3
IFS= read -r reply <&4
echo "peer: got '$reply'"
printf 'stats\n' >&3
IFS= read -r reply <&4
echo "peer: got '$reply'"
printf 'quit\n' >&3
IFS= read -r reply <&4
