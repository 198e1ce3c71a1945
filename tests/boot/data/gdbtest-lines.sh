#!/bin/bash
# gdbtest-lines.sh CONSOLE SERIAL XLLOG GDBOUT - gdb stopped the gdbtest app at
# the very source line the test is about, found in the source by its
# marker comment, so that an edit of gdbtest.c cannot make a test stale.
src=tests/apps/gdbtest/gdbtest.c
at="at tests/apps/gdbtest/gdbtest\\.c"
line_of() { grep -n -- "$1" "$src" | head -n 1 | cut -d: -f1; }
case $(basename "$4" .out) in
gdbtest-crash-gdb)
	l=$(line_of 'gdbtest: the NULL read')
	want="in crash \\(\\) $at:$l\$" ;;
gdbtest-panic-gdb)
	l=$(line_of 'gdbtest: the panic')
	want="in main \\(.* $at:$l\$" ;;
gdbtest-session-gdb) # Ctrl-C: in the loop: its condition or its body
	l=$(line_of 'gdbtest: the spin')
	want="main \\(.* $at:($l|$((l + 1)))\$" ;;
*) echo "gdbtest-lines.sh: no line known for $4"; exit 1 ;;
esac
[ -n "$l" ] || { echo "gdbtest-lines.sh: marker missing from $src"; exit 1; }
grep -Eq -- "$want" "$4" || {
	echo "gdbtest-lines.sh: gdb did not stop at $src:$l (/$want/)"
	exit 1
}
