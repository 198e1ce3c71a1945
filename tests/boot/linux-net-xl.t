# The rig's network with a real guest: the Linux domU (Debian's kernel with
# netfront, tests/rig/linux-domu/) gets 192.0.2.2 on xenbr0 and serves a
# page and a 256 KiB random blob with busybox httpd; dom0 pings it,
# fetches both with wget and compares them, hot-plugs a second vif and
# unplugs it (data/linux-net-peer.sh), and shuts it down.  An "after 0"
# action reports how long after xl create the first ping was answered.
linux     mkdir -p /www && cp /rig/files/linux-net-page.html /www/index.html
linux     dd if=/dev/urandom of=/www/blob bs=1k count=256 2>/dev/null
linux     echo "blob sha256 $(sha256sum </www/blob | cut -d' ' -f1)"
linux     httpd -p 80 -h /www && echo ready
linux     sleep 60; echo "nobody shut me down"; exit 1
linuxfile data/linux-net-page.html
cfg       extra="console=hvc0 quiet ip=192.0.2.2/24"
cfg       vif=['bridge=xenbr0,mac=00:16:3e:00:00:12,ip=192.0.2.2']
dom0file  data/linux-net-peer.sh
dom0file  data/linux-net-page.html
action    after 0 run echo 100 >/proc/sys/net/ipv4/neigh/xenbr0/retrans_time_ms; t0=$(cut -d' ' -f1 /proc/uptime); ping -i 0.1 -w 28 192.0.2.2 | grep -q -m 1 'bytes from' && echo "net: first ping answer after $(awk -v a=$t0 '{ print $1 - a }' /proc/uptime) s"
action    on ^ready$ run sh $FILES/linux-net-peer.sh
timeout   90
expect    poweroff
match     ^rig-linux: up at [0-9.]+ s, network: eth0, disks: none, eth0 192\.0\.2\.2/24$
match     ^blob sha256 [0-9a-f]{64}$
match     ^ready$
match     ^rig-linux: poweroff requested$
xlmatch   ^net: first ping answer after [0-9.]+ s$
xlmatch   ^net: ping: 3 of 3 answered$
xlmatch   ^net: page matches$
xlmatch   ^net: blob matches
xlmatch   ^net: attached vif[0-9]+\.1, connected, on xenbr0$
xlmatch   ^net: detached vif[0-9]+\.1$
xlmatch   ^net: all good$
xlnomatch FAILED
