#!/bin/bash
# lifecycle-time.sh CONSOLE SERIAL - a shutdown request is handled within
# 2 s of guest time: from the heartbeat line that made dom0 send it
# (tests' `action on ^heartbeat 2:`) to the guest seeing it, and from
# seeing it to SCHEDOP_shutdown. All times are the guest's own pvclock.
console=$1
ms() { awk '{ split($0, a, "."); print a[1] * 1000 + substr(a[2], 1, 3) }' <<<"$1"; }
beat=$(sed -n 's/^heartbeat 2: uptime \([0-9.]*\) s.*/\1/p' "$console")
seen=$(sed -n 's/^lifecycle: request seen at \([0-9.]*\) s$/\1/p' "$console")
done=$(sed -n 's/^lifecycle: shutdown at \([0-9.]*\) s$/\1/p' "$console")
[ -n "$beat" ] && [ -n "$seen" ] && [ -n "$done" ] ||
	{ echo "missing times: beat='$beat' seen='$seen' shutdown='$done'"; exit 1; }
b=$(ms "$beat") s=$(ms "$seen") d=$(ms "$done")
echo "request seen $((s - b)) ms after heartbeat 2, handled in $((d - s)) ms"
[ $((s - b)) -ge 0 ] && [ $((s - b)) -lt 2000 ] ||
	{ echo "request seen $((s - b)) ms after heartbeat 2 (limit 2000)"; exit 1; }
[ $((d - s)) -ge 0 ] && [ $((d - s)) -lt 2000 ] ||
	{ echo "handling took $((d - s)) ms (limit 2000)"; exit 1; }
