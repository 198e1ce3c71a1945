# tests/rig/lib.sh -- host-side helpers shared by xl-batch and dom0-run.
# Sourced (bash), not run.  Exit codes: see README.md.

RIG=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
EX_TIMEOUT=12 EX_TOOLSTACK=13 EX_INPUT=14 EX_SETUP=15

rig_say() { echo "rig: $*" >&2; }
rig_bad_input() { echo "rig: $*" >&2; exit $EX_INPUT; }

# Everything that can be wrong with an image is checked here, before QEMU
# starts, so a typo costs milliseconds instead of a boot.  Prints what is
# wrong, or nothing.
rig_image_problem() {  # $1 = path
    local f=$1
    if [ -z "$f" ]; then echo "no image given"
    elif [ ! -e "$f" ]; then echo "image '$f' does not exist"
    elif [ ! -f "$f" ]; then echo "image '$f' is not a regular file"
    elif [ ! -r "$f" ]; then echo "image '$f' is not readable"
    elif [ ! -s "$f" ]; then echo "image '$f' is empty"
    elif [ "$(od -An -c -N4 "$f" | tr -d ' ')" != '177ELF' ]; then
        echo "image '$f' is not an ELF file"
    fi
}
rig_check_image() {  # $1 = path; exits 14 when it is unusable
    local why
    why=$(rig_image_problem "$1")
    [ -z "$why" ] || rig_bad_input "$why"
    # Xen only builds PV guests from ELF files carrying Xen notes; without
    # them xl/Xen refuse the image, so say so early (but let Xen decide).
    if [ "${RIG_QUIET_CHECK:-0}" = 0 ] && command -v readelf >/dev/null &&
        ! readelf -n "$1" 2>/dev/null | grep -q '^ *Xen ' &&
        ! readelf -S "$1" 2>/dev/null | grep -q '__xen_guest'; then
        rig_say "warning: '$1' has no Xen ELF notes; Xen will most likely refuse it"
    fi
}

rig_check_timeout() {  # $1 = value of -t
    case $1 in ''|*[!0-9]*|0) rig_bad_input "-t wants a positive number of seconds, not '$1'" ;; esac
}

rig_cache() {  # sets CACHE_DIR (xen, vmlinux, dom0.cpio)
    CACHE_DIR=$("$RIG/setup" --print-dir) || exit $EX_SETUP
    [ -f "$CACHE_DIR/complete" ] || { rig_say "setup gave no usable cache"; exit $EX_SETUP; }
}

# mawk (Debian's awk) fills its whole input buffer before it starts on the
# first line unless told it is interactive; streaming needs line-at-a-time.
rig_awk() {
    if awk -W version 2>&1 | grep -q mawk; then awk -W interactive "$@"; else awk "$@"; fi
}

rig_mkrun() {  # sets RUN, a fresh private directory
    RUN=$(mktemp -d "${TMPDIR:-/tmp}/pvmini-rig.XXXXXX") || { rig_say "mktemp failed"; exit $EX_SETUP; }
}

# QEMU parses -initrd as a comma-separated module list; a literal comma in
# a module's command line is written as ",,".
rig_qemu_escape() { printf '%s' "${1//,/,,}"; }

# The Xen command line both modes share.  noreboot: a crashing dom0 must
# leave the machine halted (the host ends QEMU) instead of rebooting after
# 5 s; bootscrub=0: scrubbing free RAM costs seconds under TCG and nothing
# here needs it.
XEN_ARGS="console=com1 com1=115200,8n1 loglvl=all guest_loglvl=all console_timestamps=boot noreboot bootscrub=0 ${RIG_XEN_EXTRA:-}"

# RIG_SERIAL2=1 (xl-batch -g): a second serial port, dom0's /dev/ttyS1,
# on the Unix socket gdb.sock in the run directory, where QEMU listens.
RIG_SERIAL2=0
QPID="" WPID="" FPID=""
rig_qemu_start() {  # $1 = -m MiB, $2 = Xen command line, $3 = -initrd value
    local serial2=()
    [ "$RIG_SERIAL2" = 1 ] && serial2=(-chardev
        socket,id=serial2,path=gdb.sock,server=on,wait=off -serial chardev:serial2)
    : >"$RUN/serial.log"
    # QEMU runs inside $RUN and is given plain relative names (xen, vmlinux,
    # initrd, ...) so that no user path with blanks or commas ever reaches
    # its option parser.  stdin is /dev/null: QEMU must never touch the
    # terminal.  The serial goes to a file that only QEMU writes, complete
    # whatever happens to the reader.  isa-debug-exit lets dom0 end QEMU.
    ln -sf "$CACHE_DIR/xen" "$RUN/xen"
    (cd "$RUN" && exec qemu-system-x86_64 -accel tcg -cpu qemu64,+rdrand \
        -smp 1 -m "$1" -nodefaults -no-user-config -display none \
        -monitor none -serial file:serial.log "${serial2[@]}" -no-reboot \
        ${RIG_QEMU_EXTRA:-} \
        -device isa-debug-exit,iobase=0xf4,iosize=0x04 \
        -kernel xen -append "$2" -initrd "$3" \
        </dev/null >"$RUN/qemu.out" 2>&1) &
    QPID=$!
}

# Wall-clock guard, independent of anything inside the machine.  Kills
# QEMU if "$RUN/up" (written by serial.awk when the machine reached the
# point where guests run) has not appeared $1 s after the start, or once
# $2 s have passed since it appeared.  The reason ("boot N" or "run N") is
# left in $RUN/killed.
rig_watchdog_start() {
    local boot=$1 run=$2 q=$QPID r=$RUN
    (
        start=$(date +%s) upat=""
        while kill -0 "$q" 2>/dev/null; do
            sleep 0.5
            now=$(date +%s)
            if [ -z "$upat" ]; then
                if [ -e "$r/up" ]; then upat=$now
                elif [ $((now - start)) -ge "$boot" ]; then
                    echo "boot $boot" >"$r/killed"; kill "$q" 2>/dev/null; break
                fi
            elif [ $((now - upat)) -ge "$run" ]; then
                echo "run $run" >"$r/killed"; kill "$q" 2>/dev/null; break
            fi
        done
    ) &
    WPID=$!
}

# Feed the serial log, as QEMU writes it, to serial.awk.  GNU tail follows
# the file with inotify and, once QEMU is gone, prints what is left and
# exits; so the pipeline ends either when the awk is satisfied or at EOF.
# It runs in the background and is waited for with the `wait` builtin,
# which (unlike a foreground pipeline) a trapped signal interrupts at once.
rig_follow() {  # awk -v arguments...
    tail -n +1 -s 0.2 --pid="$QPID" -f "$RUN/serial.log" 2>/dev/null |
        rig_awk -v run="$RUN" "$@" -f "$RIG/serial.awk" &
    FPID=$!
    wait "$FPID"
    FPID=""
}

# Give QEMU up to $1 tenths of a second to leave by itself (isa-debug-exit,
# -no-reboot), then make sure it and the watchdog are gone.  (A halted Xen
# never lets QEMU exit, so dom0-run passes 0.)
rig_qemu_stop() {
    local i=0
    if [ -n "$QPID" ]; then
        while kill -0 "$QPID" 2>/dev/null && [ $i -lt "${1:-20}" ]; do sleep 0.1; i=$((i + 1)); done
        kill "$QPID" 2>/dev/null && sleep 0.1 && kill -9 "$QPID" 2>/dev/null
        wait "$QPID" 2>/dev/null
    fi
    # The watchdog only sleeps and polls: no need to wait for it.
    [ -n "$WPID" ] && { kill -9 "$WPID" 2>/dev/null; wait "$WPID" 2>/dev/null; }
    QPID="" WPID=""
}

# Ctrl-C / TERM: QEMU and the watchdog are ours, take them down with us.
rig_on_signal() {
    trap - INT TERM HUP
    # Reaping QEMU matters: tail --pid keeps following a zombie.
    [ -n "$QPID" ] && { kill -9 "$QPID" 2>/dev/null; wait "$QPID" 2>/dev/null; }
    [ -n "$WPID" ] && kill -9 "$WPID" 2>/dev/null
    [ -n "$FPID" ] && wait "$FPID" 2>/dev/null
    if [ -n "${RUN:-}" ] && [ -f "$RUN/serial.log" ]; then
        find "$RUN" -mindepth 1 -maxdepth 1 ! -name serial.log -exec rm -rf {} +
        rig_say "interrupted; serial log: $RUN/serial.log"
    fi
    exit 130
}
trap rig_on_signal INT TERM HUP
# Any other way out (an error in a script) must not leave QEMU running.
trap '[ -n "$QPID" ] && kill -9 "$QPID" 2>/dev/null; [ -n "$WPID" ] && kill -9 "$WPID" 2>/dev/null' EXIT

# Keep the serial log (only) of a failed run; remove a clean run entirely.
rig_finish_run() {  # $1 = 1 to keep the serial log
    [ -n "${RUN:-}" ] && [ -d "$RUN" ] || return 0
    if [ "${RIG_KEEP:-0}" = 1 ]; then
        rig_say "run directory kept: $RUN"
    elif [ "$1" = 1 ]; then
        find "$RUN" -mindepth 1 -maxdepth 1 ! -name serial.log -exec rm -rf {} +
        rig_say "serial log: $RUN/serial.log"
    else
        rm -rf "$RUN"
    fi
}
