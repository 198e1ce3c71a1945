#!/usr/bin/env bash
# doc-paths.sh - every file the docs name exists: a newcomer reading
# docs/architecture.md, then docs/boot.md and the rest, finds each one.
# A name with a folder must exist at that path (from the top, or from
# include/ for <pvmini/...>, from lib/newlib/include/ for the C library
# headers pvmini adds, or in Xen's installed headers for xen/...);
# a bare file name must exist somewhere in the tree (or be a C library
# header).
set -u
cd "$(dirname "$0")/../.." || exit 1
files=$(git ls-files 2>/dev/null || find . -type f | sed 's|^\./||')
names=$(printf '%s\n' "$files" | sed 's|.*/||' | sort -u)
out=$(for doc in README.md docs/*.md tests/rig/README.md; do
	grep -oE '[A-Za-z0-9_./-]*[A-Za-z0-9_]\.(c|h|S|sh|awk|lds)\b' "$doc" |
		sort -u | while read -r p; do
		case $p in
		*/*)
			p=${p#./}
			[ -e "$p" ] || [ -e "include/$p" ] ||
				[ -e "lib/newlib/include/$p" ] ||
				[ -e "$(dirname "$doc")/$p" ] ||
				[ -e "/usr/include/$p" ] ||
				echo "doc-paths: $doc names $p, which does not exist"
			;;
		*) grep -qxF "$p" <<<"$names" || [ -e "/usr/include/$p" ] ||
			echo "doc-paths: $doc names $p, which no file is called" ;;
		esac
	done
done)
if [ -n "$out" ]; then
	echo "$out"
	exit 1
fi
echo "doc-paths: every file the docs name exists"
