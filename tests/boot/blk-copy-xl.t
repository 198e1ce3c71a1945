# Two disks at once: blktest copies all of xvdb (128 KiB of random
# bytes, read-only) into xvda at sector 100; dom0 finds them there and
# xvda's first 100 sectors still zero.
app     blktest
args    -- copy xvdb xvda 100
cfg     disk=['format=raw,vdev=xvda,access=rw,target=/tmp/bc-a.img', 'format=raw,vdev=xvdb,access=ro,target=/tmp/bc-b.img']
action  before run dd if=/dev/zero of=/tmp/bc-a.img bs=1k count=1024 2>/dev/null && dd if=/dev/urandom of=/tmp/bc-b.img bs=1k count=128 2>/dev/null
action  end run dd if=/tmp/bc-a.img of=/tmp/bc-got.img bs=512 skip=100 count=256 2>/dev/null; cmp /tmp/bc-got.img /tmp/bc-b.img && echo "dom0: xvdb is in xvda at sector 100"; echo "dom0: nonzero bytes before it: $(dd if=/tmp/bc-a.img bs=512 count=100 2>/dev/null | tr -d '\000' | wc -c)"; rm -f /tmp/bc-*.img
expect  poweroff
match   ^blktest: copy: 131072 bytes of xvdb to xvda at byte 51200$
nomatch FAIL
xlmatch ^dom0: xvdb is in xvda at sector 100$
xlmatch ^dom0: nonzero bytes before it: 0$
