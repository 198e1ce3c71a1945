# Two file disks when only one of dom0's eight loop devices is free (a
# "before" action binds seven): libxl runs both hotplug scripts at once,
# one binds the free device, the other finds none, says so ("script:
# ..."), and xl gives up - and the loop device the guest had is released.
app     hello
cfg     disk=['vdev=xvda,target=/tmp/dn-a.img', 'vdev=xvdb,target=/tmp/dn-b.img']
action  before run for i in 0 1 2 3 4 5 6 a b; do dd if=/dev/zero of=/tmp/dn-$i.img bs=1k count=16 2>/dev/null; done; for i in 0 1 2 3 4 5 6; do losetup /dev/loop$i /tmp/dn-$i.img; done; echo "bound: $(losetup -a | wc -l)"
action  end run echo "after: $(losetup -a | grep -c 'dn-[ab]')"; for i in 0 1 2 3 4 5 6; do losetup -d /dev/loop$i; done; rm -f /tmp/dn-*.img
expect  toolstack-error
xlmatch ^bound: 7$
xlmatch ^libxl: error: .*script: block: no free loop device for /tmp/dn-[ab]\.img \(tried [01]
xlmatch ^after: 0$
