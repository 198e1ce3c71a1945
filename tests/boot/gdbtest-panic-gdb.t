# A panic with the stub on stops for gdb (SIGABRT) before the domain
# ends: the stack shows panic called from main at the line that panics
# (data/gdbtest-lines.sh). gdb's kill then ends the domain (a poweroff,
# said on the console); the SIGSEGV test lets its signal go on instead.
mode     gdb
app      gdbtest
args     -- panic
timeout  120
gdb      continue
gdb      bt
gdb      kill
expect   poweroff
gdbmatch ^Thread 1 received signal SIGABRT, Aborted\.$
gdbmatch in panic \(
gdbmatch in main \(.* at tests/apps/gdbtest/gdbtest\.c:[0-9]+$
gdbmatch ^\[Inferior 1 \(Remote target\) killed\]$
match    ^panic: gdbtest: panic as asked$
match    ^gdb: the domain crashed; stopped for gdb \(SIGABRT\)$
match    ^gdb: killed by the debugger$
verify   data/gdbtest-lines.sh
