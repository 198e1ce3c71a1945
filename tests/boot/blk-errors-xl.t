# Requests that cannot be carried out are refused at the call, and none
# reaches the backend: a disk that is not there (ENOENT), a read-only
# disk opened for writing (EROFS) or written natively (EROFS), a
# write through an O_RDONLY fd (EBADF), a disk open twice (EBUSY),
# misaligned buffers, offsets and sizes (EINVAL), I/O past the end
# (a read: 0 or short; a write: ENOSPC or short; native: ERANGE).
# The grants the requests took are all free again.
app     blktest
args    -- errors xvda xvdb
cfg     disk=['format=raw,vdev=xvda,access=rw,target=/tmp/be-a.img', 'format=raw,vdev=xvdb,access=ro,target=/tmp/be-b.img']
action  before run dd if=/dev/zero of=/tmp/be-a.img bs=1k count=64 2>/dev/null && dd if=/dev/zero of=/tmp/be-b.img bs=1k count=64 2>/dev/null
action  end run rm -f /tmp/be-a.img /tmp/be-b.img
expect  poweroff
match   ^blk: no disk 'xvdz'; this domain has 2: xvda, xvdb$
match   ^blktest: errors: every refusal at the call, nothing sent$
nomatch FAIL
