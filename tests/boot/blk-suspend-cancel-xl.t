# A disk across a checkpoint or cancelled suspend (its xenbus suspend
# hook, which blkpm runs itself): reads in flight are answered before
# the suspend goes on, reads submitted while parked wait in the queue,
# and the resume sends them; all 96 read right, no grant is held.
app     blkpm
args    trace=devices,suspend
cfg     disk=['format=raw,vdev=xvda,access=ro,target=/tmp/bpm-a.img']
action  before run awk 'BEGIN { for (i = 0; i < 128; i++) printf "%-511s\n", "sector " i }' >/tmp/bpm-a.img
action  end run rm -f /tmp/bpm-a.img
expect  poweroff
match   ^blkpm: 32 in flight, suspending$
match   ^suspend: xvda: parked; 0 request\(s\) in flight$
match   ^suspend: vbd 51712: no longer following backend
match   ^blkpm: parked with 0 in flight; 48 reads queued meanwhile$
match   ^suspend: vbd 51712: following backend .* again$
match   ^blkpm: resumed \(cancelled\): all 96 reads right, grants back$
nomatch FAIL
