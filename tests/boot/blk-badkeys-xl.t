# A backend key that is no number in range refuses the disk before
# anything is given to the backend: dom0 writes "banana" into xvda's
# feature-max-indirect-segments, and blkdev_open says so and fails with
# EBADMSG; xvdb, untouched, opens. Our state never left Initialising.
app     blktest
args    -- open-later xvda 3 device/vbd/51712 + open-later xvdb 0
cfg     disk=['format=raw,vdev=xvda,access=ro,target=/tmp/bbk-a.img', 'format=raw,vdev=xvdb,access=ro,target=/tmp/bbk-b.img']
action  before run truncate -s 64k /tmp/bbk-a.img /tmp/bbk-b.img
action  on ^blktest: opening xvda run xenstore-write backend/vbd/$DOMID/51712/feature-max-indirect-segments banana && echo "dom0: junk written"
action  end run rm -f /tmp/bbk-a.img /tmp/bbk-b.img
expect  poweroff
match   ^xvda: backend's feature-max-indirect-segments: not a number in range$
match   ^blktest: open xvda: EBADMSG$
match   ^blktest: device/vbd/51712: state 1, ring-ref absent$
match   ^blktest: open xvdb: 0$
xlmatch ^dom0: junk written$
