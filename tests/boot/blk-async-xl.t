# Many requests at once through the asynchronous API: 256 writes of
# 4 KiB submitted together (32 fill the one-page ring, the rest wait
# in the queue), then 256 reads; each completion's callback checks its
# page; every grant is free again afterwards.
app     blktest
args    -- async xvda 256
cfg     disk=['format=raw,vdev=xvda,access=rw,target=/tmp/ba-a.img']
action  before run dd if=/dev/zero of=/tmp/ba-a.img bs=1k count=1024 2>/dev/null
action  end run rm -f /tmp/ba-a.img
expect  poweroff
match   ^blktest: async: 256 writes and 256 reads of 4 KiB, each checked; at most 32 in flight; 512 grants given, 512 ended, [0-9]+ free as before$
nomatch FAIL
