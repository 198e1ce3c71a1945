# dom0's side of echo-xl.t: sh echo-peer.sh PHASE, run by actions while
# apps/echo serves on 192.0.2.2 (xenbr0). Every check prints
# "peer: ..."; a failed one "peer: FAILED ...". netpeer (tests/rig/
# netpeer.c) checks every byte it gets back.
#   basic     ping; a TCP echo; 100 UDP datagrams; 50 connections at once;
#             a peer that resets mid-transfer; a TCP echo after it
#   bulk      10 MB each way through echo, the CRC-32 of dom0's bytes
#             equal to the one the guest computed of what it read; 10 MB
#             one way each: into discard, out of chargen
#   shutdown  5 connections open, then `xl shutdown`: each must end (EOF)
ip=192.0.2.2
no() { echo "peer: FAILED $*"; }

# The guest's line for a connection, once it is on the console (5 s).
guest_line() {  # $1 = ERE
    i=0
    until grep -Eq "$1" "$CONSOLE"; do
        i=$((i + 1)); [ $i -gt 50 ] && return 1
        sleep 0.1
    done
    grep -E "$1" "$CONSOLE" | tail -n 1
}

case $1 in
basic)
    n=$(ping -c 3 -i 0.2 -W 5 $ip 2>&1 | grep -c 'bytes from')
    [ "$n" = 3 ] && echo "peer: ping: 3 of 3 answered" || no "ping: $n of 3"
    netpeer tcp $ip 7 1000 1 || no "tcp echo"
    netpeer udp $ip 7 100 1000 || no "udp echo"
    netpeer tcp $ip 7 32768 50 || no "50 connections"
    netpeer reset $ip 7 4000000 || no "reset"
    netpeer tcp $ip 7 999 1 || no "tcp echo after the reset"
    ;;
bulk)
    out=$(netpeer tcp $ip 7 10000000 1) || no "10 MB echo"
    echo "$out"
    sent=$(echo "$out" | sed -n 's/.*crc32 sent \([0-9a-f]*\), back \([0-9a-f]*\);.*/\1/p')
    back=$(echo "$out" | sed -n 's/.*crc32 sent \([0-9a-f]*\), back \([0-9a-f]*\);.*/\2/p')
    g=$(guest_line "^echo: tcp .*: 10000000 bytes read, crc32 ") &&
        g=$(echo "$g" | sed 's/.*crc32 \([0-9a-f]*\),.*/\1/')
    if [ -n "$sent" ] && [ "$sent" = "$back" ] && [ "$sent" = "$g" ]; then
        echo "peer: 10 MB each way intact: crc32 $sent sent, $g read by the guest, $back back"
    else
        no "10 MB: crc32 sent '$sent', guest '$g', back '$back'"
    fi
    out=$(netpeer send $ip 9 10000000) || no "10 MB into discard"
    echo "$out"
    c=$(echo "$out" | sed -n 's/.*crc32 \([0-9a-f]*\),.*/\1/p')
    g=$(guest_line "^echo: discard .*: 10000000 bytes read, crc32 $c,") &&
        echo "peer: discard: the guest read crc32 $c too" ||
        no "discard: the guest has no line with crc32 $c"
    netpeer recv $ip 19 10000000 || no "10 MB out of chargen"
    ;;
shutdown)
    netpeer hold $ip 7 5 20 >/tmp/echo-hold.log 2>&1 &
    i=0
    until grep -q "open and echoing" /tmp/echo-hold.log; do
        i=$((i + 1)); [ $i -gt 100 ] && break
        sleep 0.1
    done
    cat /tmp/echo-hold.log
    xl shutdown "$DOMID"
    wait
    tail -n +2 /tmp/echo-hold.log
    ;;
esac
