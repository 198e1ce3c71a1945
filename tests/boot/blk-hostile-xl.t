# A backend that breaks the ring (blkhostile writes its lies into the
# shared ring itself): an unknown id, a status blkif does not define, a
# response for another operation, rsp_prod beyond the requests. Each
# time: one clear message, the disk stops, EIO for the request and
# every later one, no grant held; reopened, the disk works.
app     blkhostile
cfg     disk=['format=raw,vdev=xvda,access=rw,target=/tmp/bh-a.img']
action  before run dd if=/dev/zero of=/tmp/bh-a.img bs=1k count=64 2>/dev/null && printf 'pvmini blkhostile' | dd of=/tmp/bh-a.img conv=notrunc 2>/dev/null
action  end run rm -f /tmp/bh-a.img
expect  poweroff
match   ^xvda: a response for id 0xdead0005, which no request in flight has; the disk is stopped: 1 request\(s\) in flight and every later one fail \(EIO\)$
match   ^blkhostile: unknown id: the disk stopped, EIO, grants all back$
match   ^xvda: the response to id 0x[0-9a-f]+ has status 9, which blkif does not define; the disk is stopped
match   ^blkhostile: bad status: the disk stopped
match   ^xvda: the response to id 0x[0-9a-f]+ is for operation 1, the request was 0; the disk is stopped
match   ^blkhostile: wrong operation: the disk stopped
match   ^xvda: rsp_prod [0-9]+ is beyond our requests \(1 sent, 0 answered\); the disk is stopped
match   ^blkhostile: rsp_prod beyond: the disk stopped
match   ^blkhostile: reopened, sector 0 reads 'pvmini blkhostile'$
nomatch FAIL
