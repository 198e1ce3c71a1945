# Sourced by dom0 peer scripts: channel_tty NAME sets TTY to the pty that
# the channel's backend (QEMU) connected the guest's console device NAME
# to, found through xenstore, and opens it raw on fd 3 (raw: no line
# editing or CR/LF mangling; -echo: the pty must not send the guest's own
# output back to it as input). Fails if there is no such channel.
channel_tty() {
    base=/local/domain/$DOMID/device/console
    TTY=""
    for n in $(xenstore-list "$base"); do
        if [ "$(xenstore-read "$base/$n/name" 2>/dev/null)" = "$1" ]; then
            TTY=$(xenstore-read "$base/$n/tty")
        fi
    done
    if [ -z "$TTY" ] || ! [ -c "$TTY" ]; then
        echo "peer: no pty for $1 (tty '$TTY')"
        return 1
    fi
    echo "peer: $1 is $TTY"
    stty -F "$TTY" raw -echo || return 1
    exec 3<>"$TTY"
}

expect() {  # reads one line from fd 3, which must be $1
    IFS= read -r reply <&3
    echo "peer: got '$reply'"
    [ "$reply" = "$1" ] || { echo "peer: wanted '$1'"; exit 1; }
}
