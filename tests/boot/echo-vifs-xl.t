# Several vifs: two in the cfg, on two subnets of xenbr0 (dom0 has
# 192.0.2.1/24 and, for this test, 198.51.100.1/24 and 203.0.113.1/24),
# each its own interface with its own address; a third attached while the
# guest runs (xl network-attach: the guest's watch on device/vif opens
# it) and detached again (xl network-detach: netback says Closing, the
# vif's receive thread takes it out of lwIP and closes it, and the
# toolstack removes it). Echo works through each, and through the first
# after the detach (data/echo-vifs.sh).
app     echo
cfg     vif=['bridge=xenbr0,mac=00:16:3e:00:00:31,ip=192.0.2.31/24', 'bridge=xenbr0,mac=00:16:3e:00:00:32,ip=198.51.100.32/24']
dom0file data/echo-vifs.sh
action  before run ip addr add 198.51.100.1/24 dev xenbr0 && ip addr add 203.0.113.1/24 dev xenbr0
action  on ^echo: serving run sh $FILES/echo-vifs.sh
action  end run ip addr del 198.51.100.1/24 dev xenbr0; ip addr del 203.0.113.1/24 dev xenbr0
timeout 60
expect  poweroff
match   ^net: vif 0 \(00:16:3e:00:00:31, mtu 1500\): 192\.0\.2\.31/24, from ip= in the cfg$
match   ^net: vif 1 \(00:16:3e:00:00:32, mtu 1500\): 198\.51\.100\.32/24, from ip= in the cfg$
match   ^echo: serving .* on 2 vif\(s\)$
match   ^net: vif 2 \(00:16:3e:00:00:33, mtu 1500\): 203\.0\.113\.33/24, from ip= in the cfg$
match   ^echo: tcp 203\.0\.113\.1:[0-9]+: 200000 bytes read
match   ^net: vif 2: its backend closed it; taken out of the stack$
match   ^echo: tcp 192\.0\.2\.1:[0-9]+: 100000 bytes read
match   ^net: vif 0: rx [0-9]+ frames
match   ^net: vif 1: rx [0-9]+ frames
xlmatch ^netpeer: tcp: 4 connection\(s\) x 200000 bytes: 4 echoed intact
xlmatch ^vifs: the guest took vif 2 up: state 4$
xlmatch ^vifs: vif 2 is gone from xenstore and from dom0$
xlmatch ^netpeer: tcp: 1 connection\(s\) x 100000 bytes: 1 echoed intact
nomatch has not let go
nomatch saying Closing/Closed
nomatch EACCES
xlnomatch FAILED
