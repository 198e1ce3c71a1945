#!/bin/bash
# save-clock.sh CONSOLE SERIAL (save-*-xl.t with savetest) - across a
# save and restore the monotonic and the wall clock move together: for
# every beat, wall - monotonic (both in ms, read together) stays within
# 50 ms of the first beat's, and the beats are 1..N once each. The
# monotonic jump over the time away is what docs/suspend.md promises.
set -u
err() { echo "save-clock: $*"; exit 1; }
want=1 base="" worst=0
while read -r n mono wall; do
    [ "$n" = "$want" ] || err "beat $n where beat $want was due"
    want=$((want + 1))
    d=$((wall - mono))
    [ -n "$base" ] || base=$d
    off=$((d - base)); off=${off#-}
    [ $off -gt $worst ] && worst=$off
done < <(sed -n 's/^savetest beat \([0-9]*\): monotonic \([0-9]*\) ms, wall \([0-9]*\) ms$/\1 \2 \3/p' "$1")
echo "beats: $((want - 1)); wall - monotonic moved by at most $worst ms"
[ $want -gt 2 ] || err "too few beats"
[ $worst -le 50 ] || err "wall - monotonic moved by $worst ms"
