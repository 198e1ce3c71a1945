# A console device's backend (QEMU in dom0) misbehaving on request, for
# tests of the xenbus frontend's error paths. Run as an action:
#   sh $FILES/backend-ctl.sh STEP [DEV]
# acts on device/console/DEV (default 1) of domain $DOMID, then writes
# STEP into the guest's data/dom0-ack, which the guest waits for. Steps:
#   junk             the backend's state node holds "banana"
#   closing          the backend's state node says Closing (5)
#   initwait         ... back to InitWait (2), where QEMU left it
#   stop             QEMU stops (SIGSTOP): the backend never answers
#   stop-at-closing  the frontend is made to say Closing; once QEMU has
#                    followed (unmapped the ring, state 5) it stops
#   resume           QEMU goes on (SIGCONT) and catches up: the guest's
#                    frontend is Closed by then, and so becomes QEMU's
# A stopped QEMU is resumed after 25 s in any case: the domain's
# teardown must not wait for it.
set -u
step=$1 dev=${2:-1}
dom=/local/domain/$DOMID
fe=$dom/device/console/$dev
be=$(xenstore-read "$fe/backend") || { echo "ctl: no backend for $fe"; exit 1; }
pid=$(xenstore-read "$dom/image/device-model-pid") ||
    { echo "ctl: no device-model-pid for domain $DOMID"; exit 1; }

# Waits (at most 10 s) until the backend's state is $1.
wait_be() {
    i=0
    until [ "$(xenstore-read "$be/state")" = "$1" ]; do
        i=$((i + 1))
        [ $i -gt 100 ] && { echo "ctl: $be/state never became $1"; exit 1; }
        sleep 0.1
    done
}

stop_qemu() {
    kill -STOP "$pid" || exit 1
    echo "ctl: QEMU ($pid) stopped"
    (sleep 25 && kill -CONT "$pid") </dev/null >/dev/null 2>&1 &
}

case $step in
junk) xenstore-write "$be/state" banana ;;
closing) xenstore-write "$be/state" 5 ;;
initwait) xenstore-write "$be/state" 2 ;;
stop) stop_qemu ;;
stop-at-closing)
    xenstore-write "$fe/state" 5
    wait_be 5
    stop_qemu ;;
resume)
    kill -CONT "$pid" || exit 1
    echo "ctl: QEMU ($pid) resumed"
    wait_be 6 ;;
*) echo "ctl: unknown step $step"; exit 1 ;;
esac
echo "ctl: $step done; $be/state is '$(xenstore-read "$be/state")'"
xenstore-write "$dom/data/dom0-ack" "$step"
