# A malformed ip= (xl passes it to the backend's directory unchecked):
# netfront names the node, the value and what is wrong with it, the vif
# gets no address (no guessing, no DHCP behind the cfg's back), and echo
# says there is nothing to serve and ends with exit code 1, at once.
app     echo
cfg     vif=['bridge=xenbr0,mac=00:16:3e:00:00:22,ip=192.0.2.300']
timeout 20
expect  crash
match   ^vif 0: ip= '192\.0\.2\.300' \(/local/domain/0/backend/vif/[0-9]+/0/ip\) is not ADDR, ADDR/PREFIX, ADDR NETMASK or ADDR NETMASK GATEWAY: ADDR is no dotted-quad IPv4 address; the vif gets no address$
match   ^net: vif 0 \(00:16:3e:00:00:22\): its ip= is malformed \(said above\): it gets no address and serves nothing$
match   ^echo: no vif has an address: nothing to serve$
match   ^exit code 1$
nomatch DHCP
