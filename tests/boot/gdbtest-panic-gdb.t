# A panic with the stub on stops for gdb (SIGABRT) before the domain
# ends: the stack shows panic called from main at the line that panics
# (data/gdbtest-lines.sh); gdb's continue ends it, and gdb hears so.
mode     gdb
app      gdbtest
args     -- panic
timeout  120
gdb      continue
gdb      bt
gdb      continue
expect   crash
gdbmatch ^Thread 1 received signal SIGABRT, Aborted\.$
gdbmatch in panic \(
gdbmatch in main \(.* at tests/apps/gdbtest/gdbtest\.c:[0-9]+$
gdbmatch ^Program terminated with signal SIGABRT, Aborted\.$
match    ^panic: gdbtest: panic as asked$
match    ^gdb: the domain crashed; stopped for gdb \(SIGABRT\)$
verify   data/gdbtest-lines.sh
