# Sourced by dom0 peer scripts. channel_open NAME finds the guest's
# console device NAME through xenstore and opens its dom0 end: fd 3
# writes to the guest, fd 4 reads what it sends. The end is what the
# backend (QEMU) connected the device to:
#   connection=pty     the pty in the device's tty node, opened raw (no
#                      line editing or CR/LF mangling) and -echo (the pty
#                      must not send the guest's own output back to it)
#   connection=socket  the Unix socket at the backend's path, through
#                      unixcat and two FIFOs
channel_open() {
    base=/local/domain/$DOMID/device/console
    dev=""
    for n in $(xenstore-list "$base"); do
        [ "$(xenstore-read "$base/$n/name" 2>/dev/null)" = "$1" ] && dev=$base/$n
    done
    [ -n "$dev" ] || { echo "peer: no console device named $1"; return 1; }
    be=$(xenstore-read "$dev/backend")
    case $(xenstore-read "$be/connection") in
    pty)
        tty=$(xenstore-read "$dev/tty")
        [ -c "$tty" ] || { echo "peer: $1: no pty ('$tty')"; return 1; }
        echo "peer: $1 is the pty $tty"
        stty -F "$tty" raw -echo || return 1
        exec 3<>"$tty" 4<&3 ;;
    socket)
        sock=$(xenstore-read "$be/path")
        echo "peer: $1 is the socket $sock"
        rm -f /tmp/chan.in /tmp/chan.out
        mkfifo /tmp/chan.in /tmp/chan.out
        unixcat "$sock" </tmp/chan.in >/tmp/chan.out &
        exec 3>/tmp/chan.in 4</tmp/chan.out ;;
    *)
        echo "peer: $1: unknown connection"; return 1 ;;
    esac
}

expect() {  # reads one line from fd 4, which must be $1
    IFS= read -r reply <&4
    echo "peer: got '$reply'"
    [ "$reply" = "$1" ] || { echo "peer: wanted '$1'"; exit 1; }
}

# chanecho's bulk exchange, both directions with more data than either
# ring holds (the chanecho peers share it).
chanecho_bulk() {
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
}
