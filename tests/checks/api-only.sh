#!/usr/bin/env bash
# api-only.sh - an app reaches the kernel through the API alone
# (include/pvmini.h, include/pvmini/*.h): calling an internal function
# fails to link with a message naming it, and an internal header is not
# on an app's include path. The same app calling an API function links.
set -u
cd "$(dirname "$0")/../.." || exit 1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp" build/app/apicheck build/apicheck.elf*' EXIT
mkdir "$tmp/apicheck"
src=$tmp/apicheck/apicheck.c
build() { make -s APP=apicheck APP_PATH="$tmp" 2>&1; }

# 1. An API call links.
printf '#include <pvmini.h>\nint main(void) { return printk("x") < 0; }\n' \
	>"$src"
out=$(build) || { echo "api-only: an API call did not link: $out"; exit 1; }

# 2. An internal one does not, and the error names it. The app declares
# the function itself, as someone copying the kernel's prototype would.
printf '%s\n' '#include <pvmini.h>' 'long buddy_alloc(void *b, unsigned o);' \
	'int main(void) { return buddy_alloc(0, 0) < 0; }' >"$src"
if out=$(build); then
	echo "api-only: an app linked against the internal buddy_alloc"
	exit 1
fi
grep -q "'buddy_alloc' is a kernel internal" <<<"$out" || {
	echo "api-only: the link failed without naming buddy_alloc: $out"
	exit 1
}

# 3. Internal headers are not on an app's include path.
printf '#include "mm/buddy.h"\nint main(void) { return 0; }\n' >"$src"
if out=$(build); then
	echo "api-only: an app compiled with an internal header (mm/buddy.h)"
	exit 1
fi
grep -q 'mm/buddy.h' <<<"$out" || {
	echo "api-only: compile failed for another reason: $out"
	exit 1
}
echo "api-only: API call links; buddy_alloc refused by name; mm/buddy.h unreachable"
