# The rig's disks with a real guest: dom0 makes a 4 MiB random image
# (read-only disk xvda) and a 4.5 MiB blank one (xvdb, writable) before xl
# create; the Linux domU (blkfront) prints xvda's sha256, checks that
# xvda refuses writes, copies xvda onto xvdb and writes a note at 4 MiB;
# after it ended, dom0 checks all of it (data/linux-disk-check.sh).
linux     sum=$(sha256sum </dev/xvda | cut -d' ' -f1) && echo "xvda sha256 $sum"
linux     echo "read-only: xvda $(blockdev --getro /dev/xvda), xvdb $(blockdev --getro /dev/xvdb)"
linux     if dd if=/dev/zero of=/dev/xvda bs=512 count=1 conv=fsync 2>/dev/null; then echo "xvda took a write"; exit 1; fi
linux     dd if=/dev/xvda of=/dev/xvdb bs=64k conv=fsync 2>/dev/null || exit 1
linux     echo "sha256 $sum" | dd of=/dev/xvdb bs=512 seek=8192 conv=sync,fsync 2>/dev/null && echo "xvdb written"
cfg       disk=['format=raw,vdev=xvda,access=ro,target=/tmp/lx-ro.img', 'format=raw,vdev=xvdb,access=rw,target=/tmp/lx-rw.img']
action    before run dd if=/dev/urandom of=/tmp/lx-ro.img bs=64k count=64 2>/dev/null && dd if=/dev/zero of=/tmp/lx-rw.img bs=64k count=72 2>/dev/null && sha256sum </tmp/lx-ro.img >/tmp/lx-ro.sum
action    end run sh $FILES/linux-disk-check.sh
dom0file  data/linux-disk-check.sh
timeout   90
expect    poweroff
match     ^rig-linux: up at [0-9.]+ s, network: none, disks: xvda xvdb$
match     ^xvda sha256 [0-9a-f]{64}$
match     ^read-only: xvda 1, xvdb 0$
match     ^xvdb written$
match     ^rig-linux: command exited with status 0$
xlmatch   ^rig: action 1 exit 0$
xlmatch   ^disk: the domU read what dom0 wrote$
xlmatch   ^disk: the read-only image is unchanged$
xlmatch   ^disk: the copy on xvdb matches$
xlmatch   ^disk: the note at 4 MiB matches$
xlmatch   ^disk: loop devices released$
xlmatch   ^disk: all good$
xlnomatch FAILED
