#!/bin/bash
# save-beats.sh CONSOLE SERIAL (heartbeat-save-restore-xl.t) - across its
# restores, heartbeat keeps its count and its clock:
#  - beats 1..N each come once, in order;
#  - uptime never goes back, and jumps by the time the domain was away at
#    each restore: the first beat after each "resumed in a new domain"
#    line comes >= 1.3 s after the one before (monotonic time counts the
#    time away, docs/suspend.md; app threads wait for the resume hook);
#    any other beat comes within 2.5 s of the one before (a busy dom0
#    may delay one on the rig's single CPU, as xl save starts);
#  - the uptime and the date stay in step: date (s) - uptime stays
#    within 1.2 s (the date has whole seconds) - a clock that stopped
#    while the domain was away, or jumped wrongly, drifts by seconds.
set -u
err() { echo "save-beats: $*"; exit 1; }
restores=$(grep -c '^heartbeat: resumed in a new domain' "$1")
[ "$restores" -ge 1 ] || err "no restore in the console"
want=1 last=-1 gaps=0 min="" max=""
while read -r resumed n up date time; do
    [ "$n" = "$want" ] || err "beat $n where beat $want was due"
    want=$((want + 1))
    ms=$((10#${up%.*} * 1000 + 10#${up#*.}))
    [ "$ms" -ge "$last" ] || err "beat $n: uptime $up went back"
    if [ "$last" -ge 0 ] && [ "$resumed" = 1 ]; then
        [ $((ms - last)) -ge 1300 ] || err "beat $n: only $((ms - last)) ms after the one before a restore"
        gaps=$((gaps + 1))
    elif [ "$last" -ge 0 ] && [ $((ms - last)) -gt 2500 ]; then
        err "beat $n: $((ms - last)) ms after the one before, with no restore between"
    fi
    last=$ms
    d=$(( $(date -u -d "$date $time" +%s) * 1000 - ms ))
    [ -z "$min" ] || [ "$d" -lt "$min" ] && min=$d
    [ -z "$max" ] || [ "$d" -gt "$max" ] && max=$d
done < <(awk '/^heartbeat: resumed in a new domain/ { r = 1 }
	/^heartbeat [0-9]+: uptime / { print r + 0, $0; r = 0 }' "$1" |
	sed -n 's/^\([01]\) heartbeat \([0-9]*\): uptime \([0-9.]*\) s (+[0-9.]* s), \([0-9-]*\) \([0-9:]*\) UTC$/\1 \2 \3 \4 \5/p')
echo "beats: $((want - 1)); restores: $restores; gaps >= 1.3 s: $gaps; date - uptime spread: $((max - min)) ms"
[ "$gaps" = "$restores" ] || err "$gaps gaps for $restores restores"
[ $((max - min)) -le 1200 ] || err "the date and the uptime drifted apart by $((max - min)) ms"
