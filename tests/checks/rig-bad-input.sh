#!/usr/bin/env bash
# rig-bad-input.sh - the rig refuses bad input before booting anything:
# a clear message on stderr and exit 14, within seconds, never a hang.
set -u
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
: >"$tmp/empty.elf"
echo 'not an elf' >"$tmp/text.elf"
cfg=apps/hello/hello.cfg
err() { echo "rig-bad-input: $*"; exit 1; }

# expect CMD...: must exit 14 within 20 s and say which file is wrong.
expect() {
	local what=$1 out rc
	shift
	out=$(timeout 20 "$@" 2>&1 </dev/null)
	rc=$?
	[ $rc -eq 14 ] || err "$what: exit $rc, expected 14 ($out)"
	grep -q "$what" <<<"$out" || err "message does not name '$what': $out"
}
expect "$tmp/missing.elf" tests/rig/xl-run "$tmp/missing.elf" "$cfg"
expect "$tmp/empty.elf" tests/rig/xl-run "$tmp/empty.elf" "$cfg"
expect "$tmp/text.elf" tests/rig/dom0-run "$tmp/text.elf"
expect "$tmp/missing.cfg" tests/rig/xl-run build/hello.elf "$tmp/missing.cfg"
expect "$tmp/missing.elf" tests/rig/dom0-run "$tmp/missing.elf"
expect "$tmp/missing.elf" tests/rig/xl-gdb "$tmp/missing.elf" "$cfg"
expect "$tmp/missing.cfg" tests/rig/xl-gdb build/hello.elf "$tmp/missing.cfg"
expect "$tmp/nodir/gdb.sock" tests/rig/xl-run -g "$tmp/nodir/gdb.sock" \
	build/hello.elf "$cfg"
expect "$tmp/missing.xml" tests/rig/xl-run -x "$tmp/missing.xml" build/hello.elf
expect "$tmp/text.elf" tests/rig/xl-run -x tests/boot/data/libvirt-nokernel.xml "$tmp/text.elf"
echo "rig-bad-input: all refused with exit 14"
