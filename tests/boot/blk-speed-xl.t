# 64 MiB written and read sequentially through the C library, 1 MiB a
# call (eight 128 KiB ring requests in flight), four times over a
# 16 MiB disk (dom0 has no room for more: its /tmp and the loop
# device's cache are RAM): the figures are guest time.
app     blktest
args    -- speed xvda 64
timeout 90
cfg     disk=['format=raw,vdev=xvda,access=rw,target=/tmp/bsp-a.img']
action  before run truncate -s 16M /tmp/bsp-a.img
action  end run rm -f /tmp/bsp-a.img
expect  poweroff
match   ^blktest: speed: 64 MiB written over a 16 MiB disk \(1 MiB pwrite, fsync\) in [0-9]+ ms: [0-9.]+ MB/s; read in [0-9]+ ms: [0-9.]+ MB/s$
nomatch FAIL
