#!/bin/bash
# core-check.sh CONSOLE SERIAL (dump-core-xl.t) - the core xl dump-core
# wrote must be an ELF core file that readelf (and file, if there is one)
# accepts, with Xen's sections, holding every page the guest has: its
# allocation less the frame shared_info hides, plus what it ballooned in
# (pages beyond the allocation, which the toolstack reaches only through
# the p2m frame list). dom0's dump-core.sh put the core's size, head and
# tail into the job's xl log, beside CONSOLE.
set -u
log=$(dirname "$1")/xl.log
err() { echo "core-check: $*"; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

size=$(sed -n 's/^core: size \([0-9]*\)$/\1/p' "$log")
[ -n "$size" ] || err "no core size in $log"
sed -n '/^core: head$/,/^core: tail$/p' "$log" | sed '1d;$d' | base64 -d >"$tmp/head" ||
    err "the core's head does not decode"
sed -n '/^core: tail$/,/^core: end$/p' "$log" | sed '1d;$d' | base64 -d >"$tmp/tail" ||
    err "the core's tail does not decode"
# The core as a sparse file: head and tail where they were.
truncate -s "$size" "$tmp/core"
dd if="$tmp/head" of="$tmp/core" conv=notrunc status=none
dd if="$tmp/tail" of="$tmp/core" bs=1 seek=$((size - 4096)) conv=notrunc status=none

readelf -h "$tmp/core" >"$tmp/h" 2>&1 || err "readelf -h refuses it: $(cat "$tmp/h")"
grep -q 'Type:.*CORE (Core file)' "$tmp/h" || err "not an ELF core: $(cat "$tmp/h")"
grep -q 'Machine:.*X86-64' "$tmp/h" || err "not x86-64"
if command -v file >/dev/null; then
    f=$(file -b "$tmp/core")
    case $f in *"ELF 64-bit LSB core file"*) ;; *) err "file says: $f" ;; esac
fi
readelf -W -S "$tmp/core" >"$tmp/s" 2>&1 || err "readelf -S: $(cat "$tmp/s")"
for sec in .note.Xen .xen_prstatus .xen_shared_info .xen_p2m .xen_pages; do
    grep -q " $sec " "$tmp/s" || err "no $sec section"
done
# .xen_pages holds one page per entry of .xen_p2m (16 bytes: pfn, mfn).
size_of() {  # section name -> its size in bytes
    local hex
    hex=$(sed -n "s/^ *\[ *[0-9]*\] $1 *[A-Z]* *[0-9a-f]* [0-9a-f]* \([0-9a-f]*\) .*/\1/p" "$tmp/s")
    [ -n "$hex" ] && echo $((16#$hex))
}
pages=$(( $(size_of .xen_pages) / 4096 ))
p2m=$(( $(size_of .xen_p2m) / 16 ))
nr=$(sed -n 's/^savetest: nr_pages \([0-9]*\)$/\1/p' "$1")
ball=$(sed -n 's/^savetest: ballooned in \([0-9]*\) pages.*/\1/p' "$1")
echo "core: $size bytes, $pages pages, $p2m p2m entries; guest: nr_pages $nr, ballooned $ball"
[ "$pages" = "$p2m" ] || err ".xen_pages has $pages pages, .xen_p2m $p2m entries"
want=$((nr - 1 + ball))
[ "$pages" = "$want" ] || err "$pages pages in the core, the guest has $want"
