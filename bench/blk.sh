#!/usr/bin/env bash
# blk.sh - blkfront's figures, pvmini against Linux, in one dom0 boot
# (under xl). Each guest gets the same disk: a 64 MiB file in dom0's RAM
# (filled, not sparse) on a loop device through blkback, as xvda. All
# times are the guest's own clock.
#
#   pvmini   tests/apps/blktest, ROUNDS rounds of
#              speed: 64 MiB written as 1 MiB pwrite calls, then one
#                     fsync (a flush), then read as 1 MiB pread calls
#              iops:  4 KiB reads at random 4 KiB offsets for SECS, 32
#                     in flight (completion callbacks resubmit)
#   Linux    the rig's Linux domU (Debian's kernel, its blkfront, a
#            busybox initramfs), ROUNDS rounds of
#              write: dd if=/dev/zero of=/dev/xvda bs=1M count=64
#                     oflag=direct conv=fsync,notrunc
#              read:  dd if=/dev/xvda of=/dev/null bs=1M count=64
#                     iflag=direct
#              iops:  bench/blkrand.c (built static here, a job file):
#                     O_DIRECT 4 KiB reads at random 4 KiB offsets for
#                     SECS, 32 in flight through io_submit
#            timed by blkrand around dd (busybox's dd prints no time).
# The workloads match: O_DIRECT on Linux bypasses the page cache as
# pvmini does (no cache), 1 MiB calls that both blkfronts cut into
# 128 KiB ring requests (32 indirect segments: Linux's default, and
# pvmini's), one flush at the end of the writes (busybox dd fsyncs once,
# after the last write), a 1-page ring (32 slots) for both.
# The jobs alternate pvmini, Linux, pvmini, Linux, so that the host's
# drifting load falls on both; the medians over all rounds are compared,
# raw and scaled by the spins (a fixed loop, the same in both guests)
# around each figure (bench/blk-figures.awk).
#
# Last, `blktest compare`: pvmini's variants (request sizes, ring sizes)
# in turn in one domain (7 rounds, medians, if timed). COMPARE=0 skips
# it; ROUNDS, PAIRS (pvmini-Linux pairs of jobs) override the defaults.
set -eu
cd "$(dirname "$0")/.."
SECS=2 MIB=64 SPIN_N=50000000 COMPARE=${COMPARE:-1}
# Instruction counting (the default): the guests' clock advances by 1 ns
# per instruction the machine executes (Xen, dom0, the guest), idle time
# skipped - so a figure is what the path costs, the same whatever else
# loads the host (runs agree to 0.1%). BLK_WALL=1 measures in the host's
# time instead, as the other benchmarks do: realistic but, on a shared
# host, a factor of two or more from one run to the next.
# Counted, one round tells; timed, medians of many rounds are needed.
if [ "${BLK_WALL:-0}" = 1 ]; then
	ROUNDS=${ROUNDS:-3} PAIRS=${PAIRS:-2} CMP_ROUNDS=7
else
	export RIG_QEMU_EXTRA="${RIG_QEMU_EXTRA:--icount shift=0,sleep=off}"
	# Counted, the machine boots slower than the rig's 60 s allow under load.
	export RIG_BOOT_TIMEOUT=${RIG_BOOT_TIMEOUT:-300}
	ROUNDS=${ROUNDS:-2} PAIRS=${PAIRS:-1} CMP_ROUNDS=1
fi
jobs=$(mktemp -d)
trap 'rm -rf "$jobs"' EXIT
gcc -static -O2 -Wall -Wextra -Werror -o "$jobs/blkrand" bench/blkrand.c
n=0
job() { # pvmini|linux [blktest args...]
	n=$((n + 1))
	local j=$jobs/$(printf %02d $n)-$1 kind=$1
	shift
	mkdir -p "$j"
	if [ "$kind" = linux ]; then
		mkdir -p "$j/linux-files"
		cp "$jobs/blkrand" "$j/linux-files/"
		linux_script >"$j/linux"
		echo "disk = ['format=raw,vdev=xvda,access=rw,target=/tmp/bench-blk.img']" \
			>"$j/extra"
	else
		cp build/blktest.elf "$j/image"
		cp tests/apps/blktest/blktest.cfg "$j/cfg"
		printf '%s\n' "memory = 32" "extra = \"-- $*\"" \
			"disk = ['format=raw,vdev=xvda,access=rw,target=/tmp/bench-blk.img']" \
			>"$j/extra"
	fi
	printf '%s\n' "before run dd if=/dev/zero of=/tmp/bench-blk.img bs=1M count=$MIB 2>/dev/null" \
		"end run rm -f /tmp/bench-blk.img" >"$j/actions"
	# What each blkfront negotiated, from the keys both ends wrote.
	# What Linux's blkfront negotiated, from the keys both ends wrote
	# (pvmini's: docs/blk.md, one ring page and no persistent grants).
	[ "$kind" = linux ] && echo 'on ^rig-linux: up run for k in ring-page-order ring-ref feature-persistent; do for s in /local/domain/$DOMID/device/vbd/51712 /local/domain/0/backend/vbd/$DOMID/51712; do v=$(xenstore-read $s/$k 2>/dev/null) && echo "vbd: ${s%%/vbd*}: $k=$v"; done; done' >>"$j/actions"
	return 0
}
linux_script() {
	local b=$((MIB << 20))
	echo "/rig/files/blkrand spin $SPIN_N"
	echo "for r in $(seq -s ' ' "$ROUNDS"); do"
	echo "  /rig/files/blkrand time write $b dd if=/dev/zero of=/dev/xvda bs=1M count=$MIB oflag=direct conv=fsync,notrunc 2>/dev/null || exit 1"
	echo "  /rig/files/blkrand time read $b dd if=/dev/xvda of=/dev/null bs=1M count=$MIB iflag=direct 2>/dev/null || exit 1"
	echo "  /rig/files/blkrand spin $SPIN_N"
	echo "  /rig/files/blkrand aio /dev/xvda $SECS 32 || exit 1"
	echo "  /rig/files/blkrand spin $SPIN_N"
	echo "done"
}
for k in $(seq "$PAIRS"); do
	job pvmini versus xvda $ROUNDS $MIB $SECS $SPIN_N
	job linux
done
[ "$COMPARE" = 0 ] || job pvmini compare xvda $CMP_ROUNDS
echo "blk: $((2 * PAIRS)) guests, $ROUNDS rounds each, ${RIG_QEMU_EXTRA:+QEMU $RIG_QEMU_EXTRA, }under xl (minutes)" >&2
tests/rig/xl-batch -t 300 "$jobs" 2>"$jobs/rig.log" ||
	{ echo "blk: the rig failed:"; tail -5 "$jobs/rig.log"; exit 1; }

# Each job's figures in order, one a line: "<job> <guest> <what> <value>",
# spins included (blk-figures.awk scales each figure by the spins around it).
for j in "$jobs"/[0-9]*; do
	case $j in
	*-linux)
		sed -n 's/^blkrand: \(write\|read\): .*: \([0-9.]*\) MB\/s (exit 0)$/linux \1 \2/p
			s/^blkrand: aio: .*: \([0-9]*\) IOPS$/linux iops \1/p
			s/^blkrand: spin: [0-9]* rounds in \([0-9]*\) us.*/linux spin \1/p' "$j/console" ;;
	*)
		sed -n 's/^blktest: speed: .*(1 MiB pwrite, fsync) in [0-9]* ms: \([0-9.]*\) MB\/s; read in [0-9]* ms: \([0-9.]*\) MB\/s$/pvmini write \1\npvmini read \2/p
			s/^blktest: iops: .*: \([0-9]*\) IOPS (.*$/pvmini iops \1/p
			s/^blktest: spin: [0-9]* rounds in \([0-9]*\) us.*/pvmini spin \1/p' "$j/console" ;;
	esac | sed "s/^/$(basename "$j") /"
	bad=$(grep -m1 'FAIL\|ERRORS\|exited with status [1-9]' "$j/console" || true)
	[ "$(cat "$j/result")" = poweroff ] && [ -z "$bad" ] ||
		echo "$(basename "$j"): result $(cat "$j/result") $bad" >&2
done >"$jobs/figures"

echo "== blk: pvmini's blkfront against Linux's, same disk ($MIB MiB file in dom0, loop, blkback), under xl =="
awk -v scaled="${BLK_WALL:-0}" -f bench/blk-figures.awk "$jobs/figures"
echo "Linux negotiated: $(sed -n 's/^vbd: //p' "$(ls -d "$jobs"/*-linux | head -1)/xl.log" | tr '\n' ' ')"
grep -h '^blktest: compare:' "$jobs"/*-pvmini/console || [ "$COMPARE" = 0 ] || echo "compare: no figures"
