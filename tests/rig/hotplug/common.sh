# tests/rig/hotplug/common.sh -- shared by the rig's hotplug scripts
# (sourced; busybox sh in dom0).  libxl runs a script with XENBUS_PATH set
# to the device's backend directory, stdin from /dev/null and its output
# going into xl's log; it waits for the exit status (at most 40 s), and on
# failure prints the backend's "hotplug-error" node as "script: ...".
PATH=/bin:/sbin:/usr/bin:/usr/sbin
ME=${0##*/}

# Every xenstore call is bounded: with xenstored gone, libxenstore falls
# back to the kernel's xenbus device, where a request can wait forever.
xs() { timeout 10 "$@"; }

fail() {
    echo "$ME: $*" >&2
    xs xenstore-write "$XENBUS_PATH/hotplug-error" "$ME: $*" \
        "$XENBUS_PATH/hotplug-status" error
    exit 1
}

if [ -z "$XENBUS_PATH" ]; then
    echo "$ME: XENBUS_PATH is not set (not run by libxl?)" >&2
    exit 1
fi
