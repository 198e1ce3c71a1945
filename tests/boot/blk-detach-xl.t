# The backend goes away while the disk is in use: dom0 detaches it (xl
# block-detach) as blktest reads. blkback says Closing; the read in
# flight or the next one fails with ENOTCONN, with one message, and so
# does every later one; the app closes the disk and the detach ends.
app     blktest
args    -- until-gone xvda
cfg     disk=['format=raw,vdev=xvda,access=ro,target=/tmp/bdt-a.img']
action  before run truncate -s 1M /tmp/bdt-a.img
action  on ^blktest: reading xvda run xl block-detach $DOMID xvda && echo "dom0: detached"
action  end run sleep 1; echo "dom0: loops after: $(losetup -a | grep -c bdt-a)"; rm -f /tmp/bdt-a.img
expect  poweroff
match   ^xvda: the backend went away \(Closing\); the disk is stopped: [01] request\(s\) in flight and every later one fail \(ENOTCONN\)$
match   ^blktest: gone after [0-9]+ reads: ENOTCONN$
match   ^blktest: closed xvda$
nomatch FAIL
xlmatch ^dom0: detached$
xlmatch ^dom0: loops after: 0$
