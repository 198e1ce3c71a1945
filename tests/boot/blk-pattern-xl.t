# Writes through the C library reach the disk: blktest writes a text
# pattern over all of xvda with pwrite, fsyncs and reads it back; once
# the guest is gone, dom0 writes the same pattern with awk and compares
# the whole file.
app     blktest
args    -- pattern xvda s42
cfg     disk=['format=raw,vdev=xvda,access=rw,target=/tmp/bp-a.img']
action  before run dd if=/dev/zero of=/tmp/bp-a.img bs=1k count=1024 2>/dev/null
action  end run awk 'BEGIN { for (s = 0; s < 2048; s++) for (l = 0; l < 8; l++) printf "%-63s\n", sprintf("pvmini sector %08d line %d seed s42", s, l) }' >/tmp/bp-want.img; cmp /tmp/bp-a.img /tmp/bp-want.img && echo "dom0: the disk holds the pattern"; rm -f /tmp/bp-a.img /tmp/bp-want.img
expect  poweroff
match   ^blktest: pattern s42: 1048576 bytes written, fsync, read back equal$
nomatch FAIL
xlmatch ^dom0: the disk holds the pattern$
