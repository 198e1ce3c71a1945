#!/usr/bin/env bash
# suspend.sh - what xl save, xl restore and xl save -c cost, for
# heartbeat and for the rig's Linux PV domU (Debian's kernel, busybox),
# both at memory=128 (the Linux domU's least is 88), from one dom0 boot
# (xl-batch; docs/suspend.md):
#  - xl save and xl restore wall time in dom0 (the rig times them:
#    "rig: xl save: S s", "rig: xl restore: S s"),
#  - the time the guest was away: from SCHEDOP_shutdown to its return,
#    by the clock the guest keeps ("suspend: done: ... after N ms away"),
#  - the downtime the app observes: from its suspend hook to its resume
#    hook, in monotonic time ("heartbeat: resumed ... N ms after its
#    suspend hook"), which adds the suspend and resume sequences.
# Three save/restore rounds and one checkpoint. Under QEMU TCG, so the
# absolute figures are this machine's, not Xen's.
set -eu
cd "$(dirname "$0")/.."
jobs=$(mktemp -d)
trap 'rm -rf "$jobs"' EXIT
job() { # name beats action...
	local d=$jobs/$1
	mkdir "$d"
	cp build/heartbeat.elf "$d/image"
	cp apps/heartbeat/heartbeat.cfg "$d/cfg"
	printf 'memory=128\nextra="trace=suspend -- %s"\n' "$2" >"$d/extra"
	echo 120 >"$d/timeout"
	shift 2
	printf '%s\n' "$@" >"$d/actions"
}
job 1-restore 30 'on ^heartbeat 3: run rig-save' \
	'on ^heartbeat 10: run rig-save' 'on ^heartbeat 17: run rig-save'
job 2-checkpoint 8 'on ^heartbeat 3: run rig-save -c'
mkdir "$jobs/3-linux"
cat >"$jobs/3-linux/linux" <<'EOF2'
i=0
while [ $i -lt 400 ]; do
	read -r up rest </proc/uptime
	echo "tick $i $up"
	i=$((i + 1))
	usleep 50000
done
EOF2
echo 240 >"$jobs/3-linux/timeout"
printf '%s\n' 'on ^tick 60 run rig-save' 'on ^tick 160 run rig-save' \
	'on ^tick 260 run rig-save' >"$jobs/3-linux/actions"
# Room in dom0 for a 128 MiB save file (tests/rig/README.md).
RIG_DOM0_EXTRA_MB=384 tests/rig/xl-batch -t 240 "$jobs" 2>/dev/null
# The logs stay for a look: build/bench-suspend/JOB/{console,xl.log}.
rm -rf build/bench-suspend && mkdir -p build/bench-suspend && cp -r "$jobs"/. build/bench-suspend/

# figures FILE PATTERN: the numbers the sed pattern picks, one a line.
figures() { sed -n "$2" "$1"; }
stats() { # label unit: min / mean / max of stdin
	awk -v label="$1" -v unit="$2" '
		{ v[++n] = $1; s += $1 }
		END {
			if (!n) { printf "%-40s none\n", label; exit }
			mn = mx = v[1]
			for (i = 2; i <= n; i++) { if (v[i] < mn) mn = v[i]; if (v[i] > mx) mx = v[i] }
			printf "%-40s %s %s (min %s, max %s, %d run%s)\n", label,
				(unit == "s" ? sprintf("%.2f", s / n) : sprintf("%d", s / n)),
				unit, mn, mx, n, (n > 1 ? "s" : "")
		}'
}
r=$jobs/1-restore c=$jobs/2-checkpoint
echo "== suspend: heartbeat, memory=128 (results: $(cat "$r/result"), $(cat "$c/result")) =="
figures "$r/xl.log" 's/^rig: xl save: \([0-9.]*\) s, exit 0$/\1/p' | stats "xl save (dom0 wall time)" s
figures "$r/xl.log" 's/^rig: xl restore: \([0-9.]*\) s, exit 0$/\1/p' | stats "xl restore (dom0 wall time)" s
figures "$r/console" 's/^suspend: done: restored in a new domain after \([0-9]*\) ms away$/\1/p' |
	stats "away: hypercall to its return" ms
figures "$r/console" 's/^heartbeat: resumed in a new domain after [0-9]* beats, \([0-9]*\) ms after its suspend hook$/\1/p' |
	stats "downtime the app observes" ms
figures "$c/xl.log" 's/^rig: xl save-c: \([0-9.]*\) s, exit 0$/\1/p' | stats "xl save -c (dom0 wall time)" s
figures "$c/console" 's/^suspend: done: running on in the same domain after \([0-9]*\) ms away$/\1/p' |
	stats "checkpoint: away" ms
figures "$c/console" 's/^heartbeat: resumed in the same domain after [0-9]* beats, \([0-9]*\) ms after its suspend hook$/\1/p' |
	stats "checkpoint: downtime the app observes" ms
l=$jobs/3-linux
echo "== suspend: the Linux PV domU, memory=128 (result: $(cat "$l/result")) =="
figures "$l/xl.log" 's/^rig: xl save: \([0-9.]*\) s, exit 0$/\1/p' | stats "xl save (dom0 wall time)" s
figures "$l/xl.log" 's/^rig: xl restore: \([0-9.]*\) s, exit 0$/\1/p' | stats "xl restore (dom0 wall time)" s
# The gaps between ticks by /proc/uptime, the largest after each save
# began (ticks 60, 160, 260), less the loop's usual gap (the median).
awk '$1 == "tick" { if (n++) print $2, ($3 - last) * 1000; last = $3 }' \
	"$l/console" >"$jobs/gaps"
med=$(cut -d' ' -f2 "$jobs/gaps" | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }')
awk -v m="$med" '{ w = $1 < 160 ? 1 : $1 < 260 ? 2 : 3; if ($1 >= 60 && $2 > g[w]) g[w] = $2 }
	END { for (w = 1; w <= 3; w++) printf "%d\n", g[w] - m }' "$jobs/gaps" |
	stats "downtime the app observes (less ${med%.*} ms)" ms
