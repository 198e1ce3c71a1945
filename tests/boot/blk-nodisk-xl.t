# A domain without disks says so, and a disk name that is not there is
# refused with the list of those that are.
app     blkinfo
args    -- sha256 xvdb
cfg     disk=['format=raw,vdev=xvda,access=ro,target=/tmp/bn-a.img']
action  before run dd if=/dev/zero of=/tmp/bn-a.img bs=1k count=4 2>/dev/null
action  end run rm -f /tmp/bn-a.img
expect  crash
match   ^blk: no disk 'xvdb'; this domain has 1: xvda$
match   ^blkinfo: xvdb: ENOENT$
