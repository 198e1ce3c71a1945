#!/usr/bin/env bash
# elf-notes.sh - build/hello.elf carries every Xen note the domain builder
# reads, with values that agree with the image itself (entry point,
# hypercall page address, link address).
set -eu
img=build/hello.elf
err() { echo "elf-notes: $*"; exit 1; }

# readelf must see the notes where Xen's loader looks: a PT_NOTE segment.
readelf -lW "$img" | grep -q '^ *NOTE ' || err "no PT_NOTE program header"
count=$(readelf -nW "$img" | grep -c '^ *Xen ' || true)
[ "$count" -eq 10 ] || err "readelf lists $count Xen notes, expected 10"

# Decode the notes ourselves: "type<TAB>hex bytes of the descriptor".
# (objcopy seeks in its output: a file, not a pipe.)
raw=$(mktemp)
trap 'rm -f "$raw"' EXIT
objcopy -O binary --only-section=.note.Xen "$img" "$raw"
notes=$(od -An -v -tx1 "$raw" | tr -s ' \n' '\n\n' | grep . | awk '
	function hex(s,   v, i) {
		v = 0
		for (i = 1; i <= length(s); i++)
			v = v * 16 + index("0123456789abcdef", substr(s, i, 1)) - 1
		return v
	}
	function le(at, n,   v, i) { v = 0; for (i = n - 1; i >= 0; i--) v = v * 256 + hex(b[at + i]); return v }
	{ b[n++] = $1 }
	END {
		for (p = 0; p + 12 <= n; ) {
			nsz = le(p, 4); dsz = le(p + 4, 4); type = le(p + 8, 4)
			d = p + 12 + int((nsz + 3) / 4) * 4
			s = ""; for (i = 0; i < dsz; i++) s = s b[d + i]
			print type "\t" s
			p = d + int((dsz + 3) / 4) * 4
		}
	}')
note() { awk -F'\t' -v t="$1" '$1 == t { print $2 }' <<<"$notes"; }
str() { note "$1" | sed 's/00$//; s/../\\x&/g' | xargs -0 printf '%b'; }
quad() { note "$1" | sed 's/../& /g' | awk '{ for (i = 8; i >= 1; i--) printf "%s", $i }'; }

[ "$(str 6)" = pvmini ] || err "GUEST_OS is '$(str 6)'"
[ -n "$(str 7)" ] || err "GUEST_VERSION missing"
[ "$(str 5)" = xen-3.0 ] || err "XEN_VERSION is '$(str 5)'"
[ "$(str 8)" = generic ] || err "LOADER is '$(str 8)'"
[ "$(quad 3)" = ffffffff80000000 ] || err "VIRT_BASE is $(quad 3)"
[ "$(quad 4)" = ffffffff80000000 ] || err "PADDR_OFFSET is $(quad 4)"
entry=$(readelf -hW "$img" | awk '/Entry point/ { sub(/^0x/, "", $4); printf "%016s", $4 }' | tr ' ' 0)
[ "$(quad 1)" = "$entry" ] || err "ENTRY $(quad 1) is not the ELF entry $entry"
hpage=$(nm "$img" | awk '$3 == "hypercall_page" { print $1 }')
[ "$(quad 2)" = "$hpage" ] || err "HYPERCALL_PAGE $(quad 2) is not hypercall_page $hpage"
case $hpage in *000) ;; *) err "hypercall_page $hpage is not page aligned" ;; esac
case "|$(str 10)|" in *'|dom0|'*) ;; *) err "FEATURES '$(str 10)' lack dom0" ;; esac
# SUPPORTED_FEATURES: a 32-bit little-endian bitmap; XENFEAT_dom0 is bit 11.
bits=$((16#$(note 17 | sed 's/../& /g' | awk '{ print $4 $3 $2 $1 }')))
(( (bits >> 11) & 1 )) || err "SUPPORTED_FEATURES $bits lacks XENFEAT_dom0"
echo "elf-notes: all 10 notes present and consistent"
