#!/bin/sh
# api-symbols.sh - the kernel's app API as a symbol list, one name a line,
#   for objcopy --keep-global-symbols (the Makefile's kernel.o rule).
#
#   kernel/api-symbols.sh KERNEL_R_O CC CPPFLAGS... [-- HIDE_ARCHIVE...]
#
# The API is what include/pvmini.h, include/pvmini/*.h and the arch
# headers beside them (arch/ARCH/include/arch/*.h) declare: the compiler itself lists the functions
# they declare (gcc -aux-info names each declaration's header); the
# variables are their top-level `extern` declarations, read from the
# preprocessed headers. Words in comments, macros or static inline
# bodies count for nothing. A global kernel symbol stays global only if
# it is so declared, plus _start (the linker script's ENTRY); every other
# one becomes local, so an app that calls an internal function fails to
# link. With archives after `--` (newlib's libc.a, libm.a), every name
# they define is hidden as well: the kernel keeps its own memcpy or
# snprintf, the app gets the library's.
set -eu
obj=$1 cc=$2
shift 2
flags=""
while [ $# -gt 0 ] && [ "$1" != "--" ]; do
	flags="$flags $1"
	shift
done
[ $# -gt 0 ] && shift # the --
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

api_dirs='include/|arch/[^/]*/include/'
for h in include/pvmini.h include/pvmini/*.h; do
	echo "#include <${h#include/}>"
done >"$tmp/api.c"
# The arch headers of the API, each: stack_check.h, for one, declares
# what compiled code calls without naming it (__morestack).
for h in arch/*/include/arch/*.h; do
	echo "#include <arch/${h##*/}>"
done >>"$tmp/api.c"

# Functions: -aux-info writes one line per declaration seen, headed by
# /* FILE:LINE:NC */ (NC: a prototype, not a definition, so static
# inline functions drop out).
# shellcheck disable=SC2086 # word splitting of flags is wanted
$cc $flags -fsyntax-only -aux-info "$tmp/aux" "$tmp/api.c"
grep -E "^/\\* ($api_dirs)[^ ]*:[0-9]+:[NO]C \\*/" "$tmp/aux" |
	sed -E 's@^/\*[^*]*\*/ *@@; s/ \(.*//; s/.*[^A-Za-z0-9_]//' \
		>"$tmp/words"

# Variables: top-level `extern` statements of the API headers without a
# parameter list, after preprocessing (so macros are expanded); each
# declarator's name is the identifier before its `[`, `,` or `;`.
# shellcheck disable=SC2086
$cc $flags -E "$tmp/api.c" | awk -v dirs="^\"($api_dirs)" '
	/^# [0-9]+ "/ { mine = ($3 ~ dirs); next }
	mine { text = text " " $0 }
	END {
		n = split(text, stmts, ";")
		for (i = 1; i <= n; i++) {
			s = stmts[i]
			sub(/^.*[{}]/, "", s)	# what follows the last brace
			if (s !~ /^[ \t]*extern[ \t]/ || s ~ /\(/)
				continue
			gsub(/\[[^]]*\]/, "", s)
			k = split(s, decl, ",")
			for (j = 1; j <= k; j++) {
				d = decl[j]
				sub(/[ \t]+$/, "", d)
				if (match(d, /[A-Za-z_][A-Za-z0-9_]*$/))
					print substr(d, RSTART, RLENGTH)
			}
		}
	}' >>"$tmp/words"
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
