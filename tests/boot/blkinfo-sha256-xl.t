# blkinfo's SHA-256 of a whole disk (1 MiB and one sector of random
# bytes: the last piece is short) is dom0's sha256sum of the file.
app     blkinfo
args    -- sha256 xvda
cfg     disk=['format=raw,vdev=xvda,access=ro,target=/tmp/bs-a.img']
action  before run dd if=/dev/urandom of=/tmp/bs-a.img bs=512 count=2049 2>/dev/null
action  end run want=$(sha256sum /tmp/bs-a.img | cut -d' ' -f1); got=$(sed -n 's/^sha256 xvda //p' "$CONSOLE"); echo "dom0: $want guest: $got"; [ -n "$want" ] && [ "$want" = "$got" ] && echo "digest matches dom0's"; rm -f /tmp/bs-a.img
expect  poweroff
match   ^sha256 xvda [0-9a-f]{64}$
match   ^blkinfo: xvda: 1049088 bytes in
xlmatch ^digest matches dom0's$
