# saveall's peer in dom0 (save-all-xl.t), one round per call: $1 = how
# many restores came before (0 at boot). Each round proves every device:
#   channel  a round trip, found through the running domain's xenstore
#   vif      a page by wget (its body tells the guest's own count of
#            restores and disk records), and the TCP connection opened
#            at boot and held across every save: a line sent on it now
#            must come back, or the connection must have been reset
#   disk     the guest checks its records itself (the body says so);
#            the end action checks the file behind it
# then saves the guest (rounds 0 to 2) or says quit (round 3).
. "$FILES/channel.sh"
round=$1 ip=192.0.2.86
channel_open org.pvmini.echo || exit 1
printf 'ping %s\n' "$round" >&3
expect "echo: ping $round"

body=$(timeout 10 wget -q -O - "http://$ip/") || { echo "peer: wget failed"; exit 1; }
echo "peer: wget: $body"

if [ "$round" = 0 ]; then # the held connection: a FIFO kept open feeds nc
    rm -f /tmp/sa.in /tmp/sa.out
    mkfifo /tmp/sa.in
    sleep 300 >/tmp/sa.in &
    echo $! >/tmp/sa.holder
    nc "$ip" 7 </tmp/sa.in >/tmp/sa.out 2>&1 &
    echo $! >/tmp/sa.nc
fi
# (no reader left, were nc gone: the open would wait for one)
timeout 5 sh -c "printf 'held line %s\n' $round >/tmp/sa.in"
pid=$(cat /tmp/sa.nc 2>/dev/null)
i=0
until grep -q "^echo: held line $round$" /tmp/sa.out 2>/dev/null; do
    i=$((i + 1))
    if [ $i -gt 50 ] || [ -z "$pid" ] || [ ! -d "/proc/$pid" ]; then
        [ -n "$pid" ] && [ -d "/proc/$pid" ] && st=open || st=closed
        echo "peer: held connection: no echo of line $round (nc: $st): $(cat /tmp/sa.out 2>/dev/null)"
        exit 1
    fi
    sleep 0.1
done
echo "peer: held connection: line $round echoed after $round restore(s)"

if [ "$round" -lt 3 ]; then
    exec 3>&- 4<&-
    rig-save || exit 1
else
    kill "$pid" "$(cat /tmp/sa.holder)" 2>/dev/null
    printf 'quit\n' >&3
fi
echo "peer: round $round good"
