#!/bin/sh
# exports.sh - the kernel's API as a symbol list, one name a line, for
#   objcopy --keep-global-symbols (the Makefile's kernel.o rule).
#
#   kernel/exports.sh KERNEL_R_O HEADER_DIR... [-- HIDE_ARCHIVE...]
#
# A global symbol of the kernel stays global if its name appears in a
# header under one of the HEADER_DIRs: an app can only call what a header
# declares, so that is the API, and it needs no list kept by hand. _start
# stays global too (the linker script's ENTRY). With archives after `--`
# (newlib's libc.a, libm.a), every name they define is hidden as well: the
# kernel keeps its own memcpy or snprintf, the app gets the library's.
set -eu
obj=$1
shift
dirs=""
while [ $# -gt 0 ] && [ "$1" != "--" ]; do
	dirs="$dirs $1"
	shift
done
[ $# -gt 0 ] && shift # the --
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# shellcheck disable=SC2086 # word splitting of dirs is wanted
find $dirs -name '*.h' -exec cat {} + |
	grep -oE '[A-Za-z_][A-Za-z0-9_]*' | sort -u >"$tmp/words"
echo _start >>"$tmp/words"
sort -u -o "$tmp/words" "$tmp/words"
nm -g --defined-only "$obj" | awk 'NF == 3 { print $3 }' | sort -u \
	>"$tmp/globals"
if [ $# -gt 0 ]; then
	nm -g --defined-only "$@" 2>/dev/null | awk 'NF == 3 { print $3 }' |
		sort -u >"$tmp/hide"
else
	: >"$tmp/hide"
fi
comm -12 "$tmp/globals" "$tmp/words" | comm -23 - "$tmp/hide"
