#!/bin/sh
# explain-undefined.sh - after a failed app link: says which undefined
# names are kernel internals, which an app cannot link against.
#
#   kernel/explain-undefined.sh LD_ERRORS KERNEL_R_O
set -u
errs=$1 obj=$2
names=$(sed -n "s/.*undefined reference to \`\([A-Za-z0-9_]*\)'.*/\1/p" \
	"$errs" | sort -u)
[ -n "$names" ] || exit 0
defined=$(nm -g --defined-only "$obj" | awk 'NF == 3 { print $3 }')
for n in $names; do
	if printf '%s\n' "$defined" | grep -qx "$n"; then
		echo "error: '$n' is a kernel internal, not part of the app API:" \
			"an app links only against what include/pvmini.h and" \
			"include/pvmini/*.h declare (docs/architecture.md)"
	fi
done
