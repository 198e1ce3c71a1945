# A multi-page ring when asked for (blkdev_open_opts ring_order 2) and
# offered (blkback's max-ring-page-order is 4): four pages granted and
# published as ring-ref0..3 with ring-page-order, 128 slots, all of
# them in flight at once for a second of 4 KiB random reads; released
# whole on close, when ring-ref0, ring-page-order and event-channel
# leave xenstore (blktest checks). Then 16 MiB written and read back in
# ring requests of 12 segments (indirect): with 128 slots the 32
# indirect pages run out first, and the driver sends direct requests
# of 11 meanwhile instead of waiting (about 40 in flight, as the 512
# grants of the budget allow: 32 x 13 and 8 x 11; 33 without direct
# pieces); every word reads back.
app     blktest
args    trace=devices -- iops xvda 1 128 2 + seq xvda 16 12 2
cfg     disk=['format=raw,vdev=xvda,access=rw,target=/tmp/brp-a.img']
action  before run truncate -s 16M /tmp/brp-a.img
action  end run rm -f /tmp/brp-a.img
expect  poweroff
match   ^dev: vbd 51712: ring-ref0\.\.3: 4 zeroed pages granted to dom0$
match   ^dev: vbd 51712: ring granted to dom0 \(refs [0-9]+ [0-9]+ [0-9]+ [0-9]+\), event channel [0-9]+, protocol = x86_64-abi, ring-page-order = 2; Initialised$
match   ^dev: xvda: [0-9]+ sectors of 512 bytes .*; 128 ring slots
match   ^dev: vbd 51712: released: 1 of 1 ring page\(s\) freed, 1 of 1 event channel\(s\) closed$
match   ^blktest: iops: [0-9]+ random 4 KiB reads, queue depth 128, ring of 128 slots: [0-9]+ IOPS \(at most 128 in flight\)$
match   ^blktest: seq: 16 MiB, 12 segments per request \(indirect\), ring of 128 slots: write [0-9.]+ MB/s, read [0-9.]+ MB/s; [0-9]+ ring requests: [1-9][0-9]* indirect, [1-9][0-9]* direct, at most (3[4-9]|4[0-9]) in flight$
nomatch FAIL
