#!/usr/bin/env bash
# multicall-debug.sh - MULTICALL_DEBUG=y (config.mk) really issues every
# queued entry as its own hypercall: mctest built that way, under xl,
# prints each entry with its result, names the bad one at its position,
# and the batches still do what they should.
set -u
out=$(mktemp)
trap 'rm -f "$out"' EXIT
err() { echo "multicall-debug: $*"; exit 1; }

make -s BUILD=build/mc-debug MULTICALL_DEBUG=y APP=mctest \
	build/mc-debug/mctest.elf >/dev/null || err "build failed"
tests/rig/xl-run build/mc-debug/mctest.elf tests/apps/mctest/mctest.cfg \
	>"$out" 2>/dev/null || err "mctest failed: $(tail -n 3 "$out")"
# The bad-entry batch: entry 0 ran, entry 1 failed, entry 2 still ran.
grep -q '^multicall-debug: 0/3 op 14 -> 0$' "$out" || err "no entry 0/3"
grep -q '^multicall-debug: 1/3 op 1 -> -[0-9]*$' "$out" ||
	err "the bad entry is not reported as 1/3"
grep -q '^multicall-debug: 2/3 op 14 -> 0$' "$out" || err "no entry 2/3"
grep -q '^mctest: all good (0 mismatches)$' "$out" || err "mctest not good"
echo "multicall-debug: $(grep -c '^multicall-debug:' "$out") entries issued one by one"
