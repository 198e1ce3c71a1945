# A vif= line works: libxl runs the rig's vif-bridge hotplug script, which
# adds the vif netback made for the guest (vifD.0) to xenbr0 (dom0's
# 192.0.2.1/24) and writes hotplug-status=connected; once the guest is
# gone, so is the vif.  heartbeat never opens its vif, so only dom0's
# side is looked at (traffic: echo-xl.t, linux-domu-xl.t).
app     heartbeat
args    -- 2
cfg     vif=['bridge=xenbr0,mac=00:16:3e:00:00:11']
action  on ^heartbeat 1: run echo "ports: $(ls /sys/class/net/xenbr0/brif)"; echo "status: $(xenstore-read backend/vif/$DOMID/0/hotplug-status)"; echo "vif: $(cat /sys/class/net/vif$DOMID.0/operstate)"; ip -o -4 addr show dev xenbr0
action  end run echo "ports after: $(ls /sys/class/net/xenbr0/brif)"
expect  poweroff
match   ^heartbeat 2:
xlmatch ^ports: vif[0-9]+\.0$
xlmatch ^status: connected$
xlmatch xenbr0 +inet 192\.0\.2\.1/24 
xlmatch ^ports after: $
xlmatch ^rig: action 1 exit 0$
