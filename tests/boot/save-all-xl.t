# Issue 15's acceptance: ONE guest with a channel, a vif and a disk,
# saved and restored three times in a row, every device proven after
# each restore (tests/apps/saveall, data/saveall-peer.sh): a channel
# round trip; a page by wget and a line echoed on the TCP connection
# dom0 opened at boot and held open across all three saves (it
# survives: the guest's TCP state went along, the vif's mac and address
# are the same); disk records written before each save (by the app's
# suspend hook) and after it, read back by the guest after each restore
# and checked by dom0 on the file behind the disk at the end (sha256).
# The trace shows the vif and the disk reconnect through the frontend
# layer: same rings and refs, a new event channel.
app      saveall
args     trace=suspend
cfg      disk=['format=raw,vdev=xvda,access=rw,target=/tmp/sa.img']
timeout  90
dom0file data/saveall-peer.sh
dom0file data/saveall-disk.sh
dom0file data/channel.sh
action   before run dd if=/dev/zero of=/tmp/sa.img bs=64k count=4 2>/dev/null
action   on ^saveall: ready run sh $FILES/saveall-peer.sh 0
action   on ^saveall: restored 1: run sh $FILES/saveall-peer.sh 1
action   on ^saveall: restored 2: run sh $FILES/saveall-peer.sh 2
action   on ^saveall: restored 3: run sh $FILES/saveall-peer.sh 3
action   end run sh $FILES/saveall-disk.sh /tmp/sa.img
expect   poweroff
match    ^saveall: ready: channel, vif, disk
match    ^saveall: channel got 'ping 0'$
match    ^saveall: save 1: record 1 written before it$
match    ^suspend: vif 0: parked; 0 frame\(s\) still in flight$
match    ^suspend: xvda: parked; 0 request\(s\) in flight$
match    ^suspend: vbd 51712: new backend /local/domain/0/backend/vbd/[0-9]+/51712 \(dom0\); same rings and refs, new event channel\(s\)$
match    ^suspend: xvda: reconnected; 0 request\(s\) put on the ring again$
match    ^suspend: vif 0: new backend /local/domain/0/backend/vif/[0-9]+/0 \(dom0\); same rings and refs, new event channel\(s\)$
match    ^suspend: vif 0: reconnected; [0-9]+ RX buffer\(s\) and 0 TX frame\(s\) handed to the new backend$
match    ^saveall: restored 1: 3 disk record\(s\), 0 wrong$
match    ^saveall: channel got 'ping 1'$
match    ^saveall: http: answered 'saveall: 1 restore\(s\), 3 disk record\(s\), disk right'$
match    ^saveall: restored 2: 5 disk record\(s\), 0 wrong$
match    ^saveall: restored 3: 7 disk record\(s\), 0 wrong$
match    ^saveall: channel got 'ping 3'$
match    ^saveall: http: answered 'saveall: 3 restore\(s\), 7 disk record\(s\), disk right'$
match    ^saveall: tcp echo connection ended: closed by the peer$
match    ^saveall: quit after 3 restore\(s\); 7 disk record\(s\), disk right; closing: 0$
nomatch  no connection in the new domain|the vif stops|WRONG|tcp echo connection ended: [^c]
xlmatch  ^peer: held connection: line 0 echoed after 0 restore
xlmatch  ^rig: xl restore: [0-9.]+ s, exit 0$
xlmatch  ^peer: held connection: line 3 echoed after 3 restore
xlmatch  ^peer: round 3 good$
xlmatch  ^disk: all 7 records right$
