# The rig's backends with a real guest: the Linux domU (Debian's kernel
# with netfront and blkfront, tests/rig/linux-domu/) on xenbr0 as
# 192.0.2.2, with two disks dom0 made before xl create: a 1 MiB random
# one (xvda, read-only) and a blank one (xvdb, writable).
# Disks: the domU prints xvda's sha256, finds xvda refusing writes,
# copies xvda onto xvdb and writes a note at 1 MiB; once it is gone, dom0
# checks all of it (data/linux-domu-disk.sh).
# Network: the domU serves a page and a 256 KiB random blob with busybox
# httpd; dom0 pings it, fetches both with wget and compares them,
# hot-plugs a second vif and unplugs it (data/linux-domu-net.sh), and
# shuts the domU down.  An "after 0" action reports how long after xl
# create the first ping was answered.
linux     sum=$(sha256sum </dev/xvda | cut -d' ' -f1) && echo "xvda sha256 $sum"
linux     echo "read-only: xvda $(blockdev --getro /dev/xvda), xvdb $(blockdev --getro /dev/xvdb)"
linux     dd if=/dev/zero of=/dev/xvda bs=512 count=1 conv=fsync 2>/dev/null && echo "xvda took a write"
linux     dd if=/dev/xvda of=/dev/xvdb bs=64k conv=fsync 2>/dev/null && echo "sha256 $sum" | dd of=/dev/xvdb bs=512 seek=2048 conv=sync,fsync 2>/dev/null && echo "xvdb written"
linux     mkdir -p /www && cp /rig/files/linux-domu-page.html /www/index.html
linux     dd if=/dev/urandom of=/www/blob bs=1k count=256 2>/dev/null
linux     echo "blob sha256 $(sha256sum </www/blob | cut -d' ' -f1)"
linux     httpd -p 80 -h /www && echo ready
linux     sleep 60; echo "nobody shut me down"; exit 1
linuxfile data/linux-domu-page.html
cfg       extra="console=hvc0 quiet ip=192.0.2.2/24"
cfg       vif=['bridge=xenbr0,mac=00:16:3e:00:00:12,ip=192.0.2.2']
cfg       disk=['format=raw,vdev=xvda,access=ro,target=/tmp/lx-ro.img', 'format=raw,vdev=xvdb,access=rw,target=/tmp/lx-rw.img']
dom0file  data/linux-domu-net.sh
dom0file  data/linux-domu-disk.sh
dom0file  data/linux-domu-page.html
action    before run dd if=/dev/urandom of=/tmp/lx-ro.img bs=64k count=16 2>/dev/null && dd if=/dev/zero of=/tmp/lx-rw.img bs=64k count=24 2>/dev/null && sha256sum </tmp/lx-ro.img >/tmp/lx-ro.sum
action    after 0 run echo 100 >/proc/sys/net/ipv4/neigh/xenbr0/retrans_time_ms; t0=$(cut -d' ' -f1 /proc/uptime); ping -i 0.1 -w 28 192.0.2.2 | grep -q -m 1 'bytes from' && echo "net: first ping answer after $(awk -v a=$t0 '{ print $1 - a }' /proc/uptime) s"
action    on ^ready$ run sh $FILES/linux-domu-net.sh
action    end run sh $FILES/linux-domu-disk.sh
timeout   90
expect    poweroff
match     ^rig-linux: up at [0-9.]+ s, network: eth0, disks: xvda xvdb, eth0 192\.0\.2\.2/24$
match     ^xvda sha256 [0-9a-f]{64}$
match     ^read-only: xvda 1, xvdb 0$
match     ^xvdb written$
match     ^blob sha256 [0-9a-f]{64}$
match     ^ready$
match     ^rig-linux: poweroff requested$
nomatch   ^xvda took a write$
xlmatch   ^rig: action 1 exit 0$
xlmatch   ^net: first ping answer after [0-9.]+ s$
xlmatch   ^net: ping: 3 of 3 answered$
xlmatch   ^net: page matches$
xlmatch   ^net: blob matches
xlmatch   ^net: attached vif[0-9]+\.1, connected, on xenbr0$
xlmatch   ^net: detached vif[0-9]+\.1$
xlmatch   ^net: all good$
xlmatch   ^disk: the domU read what dom0 wrote$
xlmatch   ^disk: the read-only image is unchanged$
xlmatch   ^disk: the copy on xvdb matches$
xlmatch   ^disk: the note at 1 MiB matches$
xlmatch   ^disk: loop devices released$
xlmatch   ^disk: all good$
xlnomatch FAILED
