# dom0's side of echo-vifs-xl.t, once apps/echo serves on two vifs
# (192.0.2.31 and 198.51.100.32, two subnets on xenbr0): echo through
# each; hot-plug a third vif (xl network-attach, ip=203.0.113.33/24),
# echo through it; unplug it (xl network-detach) and check that the
# guest let it go and the toolstack removed it; echo through the first
# again; shut the guest down. "vifs: FAILED ..." on any mistake.
no() { echo "vifs: FAILED $*"; }
guest_says() {  # $1 = ERE; waits 10 s at most
    i=0
    until grep -Eq "$1" "$CONSOLE"; do
        i=$((i + 1)); [ $i -gt 100 ] && return 1
        sleep 0.1
    done
}
for a in 192.0.2.31 198.51.100.32; do
    netpeer tcp $a 7 200000 4 || no "echo through $a"
done
be=backend/vif/$DOMID/2
xl network-attach "$DOMID" bridge=xenbr0 mac=00:16:3e:00:00:33 ip=203.0.113.33/24 ||
    no "network-attach"
if guest_says '^net: vif 2 \(00:16:3e:00:00:33, mtu 1500\): 203\.0\.113\.33/24'; then
    echo "vifs: the guest took vif 2 up: state $(xenstore-read $be/state)"
    netpeer tcp 203.0.113.33 7 200000 4 || no "echo through the hot-plugged vif"
else
    no "the guest never took vif 2 up"
fi
xl network-detach "$DOMID" 2 || no "network-detach"
guest_says '^net: vif 2: its backend closed it; taken out of the stack$' ||
    no "the guest did not let vif 2 go"
if xenstore-exists $be 2>/dev/null || [ -e /sys/class/net/vif$DOMID.2 ]; then
    no "vif 2 is still there: $(xenstore-ls $be 2>&1 | head -3)"
else
    echo "vifs: vif 2 is gone from xenstore and from dom0"
fi
netpeer tcp 192.0.2.31 7 100000 1 || no "echo through vif 0 after the detach"
xl shutdown "$DOMID"
