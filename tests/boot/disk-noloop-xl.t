# Nine file disks at once, one more than dom0's eight loop devices: libxl
# runs the nine hotplug scripts in parallel, eight of them bind distinct
# loop devices (the script claims a device by binding it, so two scripts
# cannot take the same one), the ninth fails and says so ("script: ..."),
# xl gives up - and every loop device is released again.
app     hello
cfg     disk=['vdev=xvda,target=/tmp/dn-1.img', 'vdev=xvdb,target=/tmp/dn-2.img', 'vdev=xvdc,target=/tmp/dn-3.img', 'vdev=xvdd,target=/tmp/dn-4.img', 'vdev=xvde,target=/tmp/dn-5.img', 'vdev=xvdf,target=/tmp/dn-6.img', 'vdev=xvdg,target=/tmp/dn-7.img', 'vdev=xvdh,target=/tmp/dn-8.img', 'vdev=xvdi,target=/tmp/dn-9.img']
action  before run for i in 1 2 3 4 5 6 7 8 9; do dd if=/dev/zero of=/tmp/dn-$i.img bs=1k count=16 2>/dev/null; done
action  end run echo "loops after: $(losetup -a)"; rm -f /tmp/dn-*.img
expect  toolstack-error
xlmatch ^libxl: error: .*script: block: no loop device would take /tmp/dn-[1-9]\.img
xlmatch ^loops after: $
