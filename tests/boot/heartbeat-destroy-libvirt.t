# `virsh destroy` of a running heartbeat: no guest code runs, libvirt
# reports "Stopped Destroyed", and the console kept the beat printed
# before it. The domain has two file-backed disks, one rw and one ro
# (the XML's <disk> elements, made from disk-loop-xl.t's disk= line):
# libvirt's libxl driver gives them to the backend as xl does (params,
# mode w/r, a loop device each, read-only for the ro one), and the
# destroy releases the loops.
app     heartbeat
mode    libvirt
cfg     disk=['format=raw,vdev=xvda,access=rw,target=/tmp/hd-rw.img', 'format=raw,vdev=xvdb,access=ro,target=/tmp/hd-ro.img']
action  before run dd if=/dev/zero of=/tmp/hd-rw.img bs=1k count=256 2>/dev/null && dd if=/dev/zero of=/tmp/hd-ro.img bs=1k count=128 2>/dev/null
action  on ^heartbeat 1: run for n in $(xenstore-list backend/vbd/$DOMID); do p=backend/vbd/$DOMID/$n; i=0; until xenstore-read $p/physical-device >/dev/null 2>&1 || [ $i -ge 100 ]; do i=$((i + 1)); sleep 0.1; done; d=$(xenstore-read $p/physical-device-path); echo "vbd $n: $(xenstore-read $p/params) mode $(xenstore-read $p/mode) ro $(blockdev --getro $d) $(losetup $d)"; done; virsh -c xen:///system destroy $NAME
action  end run echo "loops after: $(losetup -a)"; rm -f /tmp/hd-rw.img /tmp/hd-ro.img
expect  destroyed
match   ^heartbeat 1: 
nomatch ^lifecycle: request
xlmatch ^vbd 51712: /tmp/hd-rw\.img mode w ro 0 /dev/loop[0-9]+: 0 /tmp/hd-rw\.img$
xlmatch ^vbd 51728: /tmp/hd-ro\.img mode r ro 1 /dev/loop[0-9]+: 0 /tmp/hd-ro\.img$
xlmatch ^Domain 'pvmini-heartbeat' destroyed$
xlmatch for domain 'pvmini-heartbeat': Stopped Destroyed$
xlmatch ^loops after: $
