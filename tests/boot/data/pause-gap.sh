#!/bin/bash
# pause-gap.sh CONSOLE SERIAL - `xl pause` for 2 s after beat 2 must show
# in the guest's own clock (some gap between beats >= 1.5 s: the pvclock
# kept counting while the vCPU did not run), and the beats after it must
# be back on the 1 s grid (checked by the test's total-time match).
gaps=$(sed -n 's/^heartbeat [0-9]*: uptime [0-9.]* s (+\([0-9]*\)\.\([0-9]*\) s).*/\1\2/p' "$1")
max=0
for g in $gaps; do g=$((10#$g)); [ $g -gt $max ] && max=$g; done
echo "largest gap between beats: $max ms"
[ $max -ge 1500 ] || { echo "no gap >= 1.5 s: the pause did not show in guest time ($max ms)"; exit 1; }
