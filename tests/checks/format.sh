#!/usr/bin/env bash
# format.sh - every C file follows the repo's .clang-format (Linux style).
# One clang-format over all files (a process per file costs half a
# minute); only when it finds a difference, one per file, to name them.
set -u
mapfile -t files < <(git ls-files --cached --others --exclude-standard '*.c' '*.h' 2>/dev/null ||
	find . -name '*.[ch]' -not -path './build/*')
[ ${#files[@]} -gt 0 ] || { echo "format: no C files found"; exit 1; }
clang-format --dry-run -Werror "${files[@]}" >/dev/null 2>&1 && exit 0
bad=0
for f in "${files[@]}"; do
	if ! clang-format --dry-run -Werror "$f" >/dev/null 2>&1; then
		echo "format: $f differs from .clang-format (run clang-format -i $f)"
		bad=1
	fi
done
[ $bad = 1 ] || echo "format: clang-format failed on the whole list, on no file alone"
exit 1
