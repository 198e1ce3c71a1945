#!/usr/bin/env bash
# format.sh - every C file follows the repo's .clang-format (Linux style).
set -u
bad=0
for f in $(git ls-files --cached --others --exclude-standard '*.c' '*.h' 2>/dev/null || find . -name '*.[ch]' -not -path './build/*'); do
	if ! clang-format --dry-run -Werror "$f" >/dev/null 2>&1; then
		echo "format: $f differs from .clang-format (run clang-format -i $f)"
		bad=1
	fi
done
exit $bad
