# dom0's disk side of linux-domu-xl.t, an "end" action (the domU is gone):
# the domU must have read the read-only disk dom0 made (its sha256 on the
# console), copied it onto the writable disk and put a note at 1 MiB; the
# read-only image must be unchanged and the loop devices released.  Prints
# "disk: ..." per check; "disk: all good" only when every one held.
bad=0
no() { echo "disk: FAILED: $*"; bad=1; }
want=$(cut -d' ' -f1 /tmp/lx-ro.sum)

if grep -qx "xvda sha256 $want" "$CONSOLE"; then
    echo "disk: the domU read what dom0 wrote"
else
    no "the domU said '$(grep '^xvda sha256' "$CONSOLE")', dom0 has $want"
fi
[ "$(sha256sum </tmp/lx-ro.img | cut -d' ' -f1)" = "$want" ] &&
    echo "disk: the read-only image is unchanged" || no "the read-only image changed"
[ "$(head -c 1048576 /tmp/lx-rw.img | sha256sum | cut -d' ' -f1)" = "$want" ] &&
    echo "disk: the copy on xvdb matches" || no "the copy on xvdb differs"
note=$(dd if=/tmp/lx-rw.img bs=512 skip=2048 count=1 2>/dev/null | head -n 1)
[ "$note" = "sha256 $want" ] && echo "disk: the note at 1 MiB matches" ||
    no "the note at 1 MiB is '$note'"
[ -z "$(losetup -a)" ] && echo "disk: loop devices released" ||
    no "loop devices still bound: $(losetup -a)"

[ $bad = 0 ] && echo "disk: all good"
rm -f /tmp/lx-ro.img /tmp/lx-rw.img /tmp/lx-ro.sum
