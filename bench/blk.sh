#!/usr/bin/env bash
# blk.sh - blkfront's figures (tests/apps/blktest, under xl, one dom0
# boot), all in guest time:
#   speed    64 MiB written (fsync) and read through the C library,
#            1 MiB a call, over a 16 MiB disk: MB/s each way
#   compare  7 rounds, each of: 16 MiB written, flushed and read as
#            2 MiB requests that the driver cuts into ring requests of
#            11 pages (direct) or 32, 64, 128, 256 (indirect); 1 s of
#            4 KiB random reads with 32 or 128 submitted on a ring of
#            1 page (32 slots: the rest wait in the queue) and 128 on
#            4 pages (128 slots). Medians: the variants take turns in
#            one domain, so that the host's drifting load falls on all.
# The disk is a file in dom0's RAM (a loop device): the figures measure
# the path through Xen and blkback under TCG, not a disk.
set -eu
cd "$(dirname "$0")/.."
jobs=$(mktemp -d)
trap "rm -rf $jobs" EXIT
n=0
job() { # args...
	n=$((n + 1))
	local j=$jobs/$(printf %02d $n)
	mkdir -p "$j"
	cp build/blktest.elf "$j/image"
	cp tests/apps/blktest/blktest.cfg "$j/cfg"
	printf '%s\n' "memory = 32" "extra = \"-- $*\"" \
		"disk = ['format=raw,vdev=xvda,access=rw,target=/tmp/bench-blk.img']" \
		>"$j/extra"
	printf '%s\n' "before run truncate -s 16M /tmp/bench-blk.img" \
		"end run rm -f /tmp/bench-blk.img" >"$j/actions"
}
job speed xvda 64
job compare xvda 7
tests/rig/xl-batch -t 300 "$jobs" 2>/dev/null

echo "== blk: blkfront over blkback (tests/apps/blktest, under xl) =="
for j in "$jobs"/[0-9]*; do
	line=$(grep -h '^blktest: \(speed\|compare\):' "$j/console" || true)
	echo "${line:-$(basename "$j"): no figures (result: $(cat "$j/result"))}"
done
