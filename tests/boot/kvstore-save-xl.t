# apps/kvstore across xl save and xl restore (issue: save/restore with
# every device): two PUTs from dom0 before the save; after the restore
# the values are there, a new PUT is acknowledged (written and flushed
# through the reconnected disk) and read back over the reconnected vif;
# then `xl shutdown` drains the store with its disk flushed. Devices
# park newest first (the vif, then the disk) and reconnect oldest first.
app     kvstore
args    trace=suspend
cfg     disk=['format=raw,vdev=xvda,access=rw,target=/tmp/kv-save.img']
action  before run truncate -s 2M /tmp/kv-save.img
action  on ^kvstore: serving on run printf 'PUT a 1\nPUT b two words\n' | timeout 20 nc 192.0.2.70 7070 | sed 's/^/before: /'; rig-save
action  on ^suspend: done: restored run printf 'GET a\nGET b\nPUT c 3\nGET c\nSTATS\n' | timeout 20 nc 192.0.2.70 7070 | sed 's/^/after: /'; xl shutdown $NAME
action  end run rm -f /tmp/kv-save.img
timeout 90
expect  poweroff
match   ^kvstore: serving on 192\.0\.2\.70:7070 
match   ^suspend: vif 0: parked; 
match   ^suspend: xvda: parked; 0 request\(s\) in flight$
match   ^suspend: back in a new domain
match   ^suspend: xvda: reconnected; 
match   ^suspend: vif 0: reconnected; 
match   ^suspend: done: restored in a new domain
match   ^lifecycle: request 'poweroff' from the toolstack$
match   ^kvstore: drained: .*; 3 keys; disk flushed: ok$
xlmatch ^before: OK$
xlmatch ^rig: xl save: [0-9.]+ s, exit 0$
xlmatch ^rig: xl restore: [0-9.]+ s, exit 0$
xlmatch ^after: VALUE 1$
xlmatch ^after: VALUE two words$
xlmatch ^after: OK$
xlmatch ^after: VALUE 3$
xlmatch ^after: STATS keys=3 
xlnomatch ^(before|after): ERR
