# Crash consistency of apps/kvstore (data/kv-peer.sh crash): three
# rounds of a PUT storm from three dom0 clients (3000 pipelined PUTs
# each over 100 keys, so keys are overwritten and the log compacts at
# 64 KiB), `xl destroy` once 300, 1000 and 2000 PUTs are acknowledged,
# a new domain on the same 4 MiB disk (rig-restart), and then every
# round so far is read back: every acknowledged PUT is there (or a
# later PUT of the same client that also made it to disk: the state is
# that after some prefix of each client's PUTs, never one shorter than
# what was acknowledged). The peer counts and prints them.
app     kvstore
args    -- compact=65536
cfg     disk=['format=raw,vdev=xvda,access=rw,target=/tmp/kv-crash.img']
dom0file data/kv-peer.sh
action  before run truncate -s 4M /tmp/kv-crash.img
action  on ^kvstore: serving on run sh $FILES/kv-peer.sh crash 192.0.2.70
action  end run rm -f /tmp/kv-crash.img
timeout 150
expect  poweroff
match   ^kvstore: recovered 0 records: a new store
match   ^kvstore: compacted: the log went from [0-9]+ to [0-9]+ bytes
match   ^kvstore: recovered [1-9][0-9]* records .*torn tail dropped: (yes|no)$
match   ^kvstore: compacted: the log went from [0-9]+ to [0-9]+ bytes
match   ^kvstore: recovered [1-9][0-9]* records
match   ^kvstore: recovered [1-9][0-9]* records
match   ^kvstore: drained: 
xlmatch ^peer: round 1: destroyed with [0-9]+ PUTs acknowledged
xlmatch ^peer: round 1: after the restart, 3 of 3 clients' data intact 
xlmatch ^peer: round 2: destroyed with [0-9]+ PUTs acknowledged
xlmatch ^peer: round 2: after the restart, 6 of 6 clients' data intact 
xlmatch ^peer: round 3: destroyed with [0-9]+ PUTs acknowledged
xlmatch ^peer: round 3: after the restart, 9 of 9 clients' data intact 
xlnomatch wrong, [1-9]
xlnomatch malformed, [1-9]
