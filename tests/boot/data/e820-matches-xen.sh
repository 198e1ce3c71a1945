#!/usr/bin/env bash
# e820-matches-xen.sh CONSOLE SERIAL - the raw map pvmini printed as dom0
# (tests/apps/memmap) against the map Xen printed at boot ("Xen-e820 RAM map").
# Every entry Xen printed must be in pvmini's map, and pvmini's RAM must
# be exactly Xen's usable RAM (Xen may add reserved ranges of its own,
# such as the APICs, to the map it gives dom0).
set -eu
console=$1 serial=$2
err() { echo "e820-matches-xen: $*"; exit 1; }

# Xen: "(XEN) [...]  [0000000000000000, 000000000009fbff] (usable)"
xen=$(sed -n '/Xen-e820 RAM map:/,/^(XEN) \[[0-9a-f]*\] [^ ]/p' "$serial" |
	sed -n 's/.*\[\([0-9a-f]*\), \([0-9a-f]*\)\] (\([a-z]*\)).*/\1 \2 \3/p' |
	while read -r s e t; do
		end=$(printf '%016x' $((16#$e + 1)))
		[ "$t" = usable ] && t=RAM
		echo "$s $end $t"
	done)
[ -n "$xen" ] || err "no Xen-e820 map in the serial log"
# pvmini: "  0000000000000000 - 000000000009fc00 RAM" under "raw map"
ours=$(sed -n '/^raw map/,/^sanitized map/p' "$console" |
	awk '$2 == "-" { print $1, $3, $4 }')
[ -n "$ours" ] || err "no raw map on the console"
while read -r line; do
	grep -qx "$line" <<<"$ours" || err "Xen's entry '$line' missing"
done <<<"$xen"
[ "$(grep ' RAM$' <<<"$ours")" = "$(grep ' RAM$' <<<"$xen")" ] ||
	err "RAM differs: ours $(grep -c ' RAM$' <<<"$ours") entries"
echo "e820-matches-xen: $(wc -l <<<"$xen") Xen entries found; RAM identical"
