# disk= lines with file targets work: the rig's block hotplug script gives
# each file a loop device (read-only for access=ro) and writes its
# major:minor in hex to physical-device; the loops are released once the
# guest is gone.  The images are made by a "before" action.  heartbeat
# does not wait for its disks, so the check waits (at most 10 s) for each
# script to have written physical-device: under load the second one may
# still be running when the first beats come; heartbeat runs 8 beats so
# that the domain outlives that wait.  Only dom0's side is looked at here
# (heartbeat opens no disk); blkfront moves data in blk*-xl.t and
# blkinfo*-xl.t, the Linux domU in linux-domu-xl.t.
app     heartbeat
args    -- 8
cfg     disk=['format=raw,vdev=xvda,access=rw,target=/tmp/dl-rw.img', 'format=raw,vdev=xvdb,access=ro,target=/tmp/dl-ro.img']
action  before run dd if=/dev/zero of=/tmp/dl-rw.img bs=1k count=256 2>/dev/null && dd if=/dev/zero of=/tmp/dl-ro.img bs=1k count=128 2>/dev/null
action  on ^heartbeat 2: run for n in $(xenstore-list backend/vbd/$DOMID); do p=backend/vbd/$DOMID/$n; i=0; until xenstore-read $p/physical-device >/dev/null 2>&1 || [ $i -ge 100 ]; do i=$((i + 1)); sleep 0.1; done; d=$(xenstore-read $p/physical-device-path); echo "vbd $n: $(xenstore-read $p/params) mode $(xenstore-read $p/mode) on $d ($(xenstore-read $p/physical-device) = $(stat -L -c %t:%T $d)) ro $(blockdev --getro $d) $(losetup $d)"; done
action  end run echo "loops after: $(losetup -a)"; rm -f /tmp/dl-rw.img /tmp/dl-ro.img
expect  poweroff
match   ^heartbeat 8:
xlmatch ^rig: action 1 exit 0$
xlmatch ^vbd 51712: /tmp/dl-rw\.img mode w on /dev/loop[0-9]+ \(7:([0-9a-f]+) = 7:\1\) ro 0 /dev/loop[0-9]+: 0 /tmp/dl-rw\.img$
xlmatch ^vbd 51728: /tmp/dl-ro\.img mode r on /dev/loop[0-9]+ \(7:([0-9a-f]+) = 7:\1\) ro 1 /dev/loop[0-9]+: 0 /tmp/dl-ro\.img$
xlmatch ^loops after: $
