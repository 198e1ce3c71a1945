# A vif without ip=: the guest asks DHCP (lwIP's client) and dom0's
# busybox udhcpd (tests/rig/dom0-udhcpd.conf: 192.0.2.100-199, /24, no
# router) answers. dom0 then pings the address the guest printed and
# echoes through it, and reads the lease udhcpd gave that MAC.
app     echo
cfg     vif=['bridge=xenbr0,mac=00:16:3e:00:00:21']
action  before run udhcpd && echo "udhcpd started"
action  on ^echo: serving run a=$(sed -n 's/^net: vif 0: DHCP gave \(192\.0\.2\.[0-9]*\)\/24.*/\1/p' "$CONSOLE"); echo "dhcp: guest has $a"; echo "dhcp: ping: $(ping -c 2 -W 5 "$a" | grep -c "bytes from") of 2 answered"; netpeer tcp "$a" 7 100000 1; kill -USR1 $(cat /var/run/udhcpd.pid); sleep 0.5; dumpleases -f /var/run/udhcpd.leases | grep -i 00:16:3e:00:00:21; xl shutdown $DOMID
action  end run kill $(cat /var/run/udhcpd.pid)
timeout 60
expect  poweroff
match   ^net: vif 0 \(00:16:3e:00:00:21, mtu 1500\): no ip= in the cfg: asking DHCP$
match   ^net: vif 0: DHCP gave 192\.0\.2\.1[0-9][0-9]/24, router none$
match   ^echo: serving echo .* on 1 vif\(s\)$
match   ^echo: tcp 192\.0\.2\.1:[0-9]+: 100000 bytes read
xlmatch ^udhcpd started$
xlmatch ^dhcp: guest has 192\.0\.2\.1[0-9][0-9]$
xlmatch ^dhcp: ping: 2 of 2 answered$
xlmatch ^netpeer: tcp: 1 connection\(s\) x 100000 bytes: 1 echoed intact
xlmatch 00:16:3e:00:00:21 +192\.0\.2\.1[0-9][0-9]
