# The vif driver through its native API (tests/apps/nftest), with dom0's
# netback and bridge as they are: list, mac, mtu, ip=; ARP to dom0 and
# back in raw frames; every grant back at each close, a reopen; frames
# sent and received a second (dom0 blasts 20000 UDP datagrams at the
# guest's mac: netpeer blast); the suspend hooks (each step's line under
# trace=suspend); and the guest playing
# a hostile backend on its own rings: an RX producer far past its
# requests, a response with a buffer id that does not exist, a frame
# that runs off its page, a flag never negotiated, TX responses to
# requests never made. Each stops the vif with a message saying what
# was wrong; the close still frees everything. Last, dom0 removes both of
# the vif's directories under the guest, as libxl does when a frontend is
# slower than its detach timeout: the backend's state node then answers
# EACCES, which is a removed backend, not junk, and the close that finds
# its own directory gone after the backend's end is complete - nothing
# kept for good.
app     nftest
args    trace=suspend
action  on ^nftest: ready for frames$ run arp -s 192.0.2.41 00:16:3e:00:00:41 && netpeer blast 192.0.2.41 9 20000 1472; arp -d 192.0.2.41
action  on ^nftest: dom0, remove vif 0$ run xenstore-rm /local/domain/0/backend/vif/$DOMID/0 && xenstore-rm /local/domain/$DOMID/device/vif/0 && echo "removed vif 0"
timeout 90
expect  poweroff
match   ^nftest: vif 0: mac 00:16:3e:00:00:41, mtu 1500, ip= 192\.0\.2\.41 netmask 255\.255\.255\.0 \(0\)$
match   ^nftest: open: 322 grants held
match   ^nftest: ARP: 192\.0\.2\.1 is at [0-9a-f:]{17}$
match   ^nftest: reopened: ARP answered again; every grant back at each close$
match   ^nftest: tx: 20000 frames of 1514 bytes in [0-9]+ ms: [0-9]+ ns a frame
match   ^nftest: rx: [0-9]+ frames of 1514 bytes in [0-9]+ ms \(as fast as dom0 sent them\): [0-9]+ ns a frame in netdev_poll
match   ^nftest: checksum: [0-9]+ ns to verify a full TCP segment
match   ^suspend: vif 0: parked; 0 frame\(s\) still in flight$
match   ^suspend: vif 0: running on with the same backend$
match   ^nftest: suspend \(cancelled\): the send meanwhile dropped \(1\), ARP answered after$
match   ^nftest: hostile: RX rsp_prod far beyond our requests$
match   ^vif 0: RX rsp_prod [0-9]+ is out of range: [0-9]+ responses consumed, [0-9]+ requests posted; the vif stops$
match   ^nftest: hostile: an RX response with buffer id 999$
match   ^vif 0: RX response [0-9]+ \(id 999, offset 0, flags 0, status 60\): no such buffer id; the vif stops$
match   ^nftest: hostile: an RX frame from offset 4000, 200 bytes long$
match   ^vif 0: RX response [0-9]+ \(id [0-9]+, offset 4000, flags 0, status 200\): the frame runs past its page; the vif stops$
match   ^nftest: hostile: an RX response with more_data
match   ^vif 0: RX response [0-9]+ \(id [0-9]+, offset 0, flags 0x4, status 1514\): a flag we never negotiated; the vif stops$
match   ^nftest: hostile: TX responses to requests never made$
match   ^vif 0: TX rsp_prod [0-9]+ is out of range: [0-9]+ responses consumed, [0-9]+ requests posted; the vif stops$
match   ^nftest: hostile: every case stopped the vif; every grant back$
match   ^nftest: removed under us: the vif went down, the close freed everything$
match   ^nftest: 0 failure\(s\)$
nomatch FAIL
nomatch EACCES
nomatch has not let go
xlmatch ^netpeer: blast: 20000 datagrams of 1472 bytes
