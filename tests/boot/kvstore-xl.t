# apps/kvstore with its own cfg's vif (ip=192.0.2.70) on a blank 2 MiB
# disk, reached from dom0 with busybox nc (data/kv-peer.sh basic): each
# request gets its reply - OK, VALUE, NOTFOUND, STATS, BYE - and bad
# lines an ERR line (unknown command, missing or extra words, a key of
# 129 bytes, a line of 2000 bytes); four clients PUT 300 keys each at
# once; the domain is destroyed and a new one on the same disk finds
# every key (recovery); `xl shutdown` drains and powers it off.
app     kvstore
cfg     disk=['format=raw,vdev=xvda,access=rw,target=/tmp/kv-basic.img']
dom0file data/kv-peer.sh
action  before run truncate -s 2M /tmp/kv-basic.img
action  on ^kvstore: serving on run sh $FILES/kv-peer.sh basic 192.0.2.70
action  end run rm -f /tmp/kv-basic.img
timeout 90
expect  poweroff
match   ^kvstore: xvda: 2097152 bytes in sectors of 512$
match   ^kvstore: recovered 0 records: a new store \(the disk was blank\)$
match   ^kvstore: serving on 192\.0\.2\.70:7070 
match   ^kvstore: recovered 1205 records \(1203 PUT, 2 DEL\): 1201 keys, [0-9]+ bytes live; the log ends at byte [0-9]+ \(zeros\); torn tail dropped: no$
match   ^kvstore: serving on 192\.0\.2\.70:7070 
match   ^lifecycle: request 'poweroff' from the toolstack$
match   ^kvstore: drained: .*; 1201 keys; disk flushed: ok$
xlmatch ^peer: reply: OK$
xlmatch ^peer: reply: OK$
xlmatch ^peer: reply: VALUE 1$
xlmatch ^peer: reply: VALUE two words$
xlmatch ^peer: reply: OK$
xlmatch ^peer: reply: NOTFOUND$
xlmatch ^peer: reply: NOTFOUND$
xlmatch ^peer: reply: OK$
xlmatch ^peer: reply: VALUE 2$
xlmatch ^peer: reply: NOTFOUND$
xlmatch ^peer: reply: ERR unknown command
xlmatch ^peer: reply: ERR usage: PUT key value$
xlmatch ^peer: reply: ERR usage: GET key$
xlmatch ^peer: reply: ERR empty command$
xlmatch ^peer: reply: STATS keys=1 .*records=5 
xlmatch ^peer: reply: BYE$
xlmatch ^peer: reply: ERR key too long \(at most 128 bytes\)$
xlmatch ^peer: reply: ERR line too long
xlmatch ^peer: reply: VALUE 2$
xlmatch ^peer: client 1: 300 of 300 PUTs acknowledged$
xlmatch ^peer: client 4: 300 of 300 PUTs acknowledged$
xlmatch ^rig: restarted: domain [0-9]+$
xlmatch ^peer: round 0 client 1: 300 of 300 PUTs acknowledged; 300 of 300 keys hold
xlmatch ^peer: round 0 client 4: 300 of 300 PUTs acknowledged; 300 of 300 keys hold
xlmatch ^peer: after restart: NOTFOUND$
xlmatch ^peer: after restart: VALUE 2$
xlnomatch wrong, [1-9]
