#!/usr/bin/env bash
# memory.sh - the memory setup's figures, from one dom0 boot (xl-batch):
#  - pages mapped per page-table hypercall while building the direct map,
#  - hypercalls from the first instruction to main() for a 32 MB domU,
#  - free pages left to the app at memory=4 and memory=32.
# Guest-internal counts, so they do not depend on the machine's load.
set -eu
cd "$(dirname "$0")/.."
jobs=$(mktemp -d)
trap 'rm -rf "$jobs"' EXIT
job() { # name app memory
	mkdir "$jobs/$1"
	cp "build/$2.elf" "$jobs/$1/image"
	cp "$(ls apps/$2/$2.cfg tests/apps/$2/$2.cfg 2>/dev/null | head -n 1)" "$jobs/$1/cfg"
	printf 'memory=%s\nextra="trace=boot"\n' "$3" >"$jobs/$1/extra"
}
job 1-hello32 hello 32
job 2-memmap4 memmap 4
job 3-memmap32 memmap 32
tests/rig/xl-batch -t 120 "$jobs" 2>/dev/null

echo "== memory: boot-time figures (guest counts, one run) =="
sed -n 's/^boot: mm: mapped \([0-9]*\) pages with \([0-9]*\) new tables in \([0-9]*\) hypercall.*/\1 \2 \3/p' \
	"$jobs/1-hello32/console" | while read -r pages tables calls; do
	echo "direct map, memory=32: $pages pages, $tables new tables," \
		"$calls hypercall(s): $((pages / calls)) pages per hypercall"
done
sed -n "s/^boot: app: calling main() of 'hello' after \([0-9]*\) hypercalls/hypercalls from entry to main(), memory=32: \1/p" \
	"$jobs/1-hello32/console"
for m in 4 32; do
	sed -n "s/^free pages: \([0-9]*\)/free pages for the app at memory=$m: \1 (of $((m * 256)))/p" \
		"$jobs/"*"-memmap$m/console"
done
