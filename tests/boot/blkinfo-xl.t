# blkinfo lists both disks of its cfg with what blkfront negotiated.
app     blkinfo
args    trace=devices
cfg     disk=['format=raw,vdev=xvda,access=rw,target=/tmp/bi-a.img', 'format=raw,vdev=xvdb,access=ro,target=/tmp/bi-b.img']
action  before run dd if=/dev/urandom of=/tmp/bi-a.img bs=1k count=1024 2>/dev/null && dd if=/dev/zero of=/tmp/bi-b.img bs=1k count=64 2>/dev/null
action  end run rm -f /tmp/bi-a.img /tmp/bi-b.img
expect  poweroff
match   ^blkinfo: 2 disk\(s\)$
match   ^xvda: vdev 51712, 2048 sectors of 512 bytes \(1024 KiB\), physical sector 512, read-write$
match   ^xvdb: vdev 51728, 128 sectors of 512 bytes \(64 KiB\), physical sector 512, read-only$
