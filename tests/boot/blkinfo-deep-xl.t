# The checksum with the ring full of small requests: blkinfo hashes a
# 1 MiB disk of random bytes read in 4 KiB pieces, 64 at a time, which
# complete in any order; the digest is dom0's.
app     blkinfo
args    -- sha256 xvda 4 64
cfg     disk=['format=raw,vdev=xvda,access=ro,target=/tmp/bd-a.img']
action  before run dd if=/dev/urandom of=/tmp/bd-a.img bs=1k count=1024 2>/dev/null
action  end run want=$(sha256sum /tmp/bd-a.img | cut -d' ' -f1); got=$(sed -n 's/^sha256 xvda //p' "$CONSOLE"); [ -n "$want" ] && [ "$want" = "$got" ] && echo "digest matches dom0's"; rm -f /tmp/bd-a.img
expect  poweroff
match   ^sha256 xvda [0-9a-f]{64}$
match   ^blkinfo: xvda: 1048576 bytes in [0-9]+ ms \([0-9]+ KB/s\), 4 KiB pieces, 64 at a time, at most 32 ring requests in flight$
xlmatch ^digest matches dom0's$
