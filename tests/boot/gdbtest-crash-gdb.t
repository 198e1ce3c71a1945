# A NULL read with the stub on: gdb sees SIGSEGV at the line that reads
# (data/gdbtest-lines.sh finds it in the source), with main below it, and
# when gdb lets the signal go on, the usual crash report follows and gdb
# hears that the domain died of it.
mode     gdb
app      gdbtest
args     -- crash
timeout  120
gdb      continue
gdb      bt
gdb      print nowhere
gdb      continue
expect   crash
gdbmatch ^Thread 1 received signal SIGSEGV, Segmentation fault\.$
gdbmatch in crash \(\) at tests/apps/gdbtest/gdbtest\.c:[0-9]+$
gdbmatch ^#1 .* in main \(
gdbmatch ^\$1 = \(int \* volatile\) 0x0$
gdbmatch ^Program terminated with signal SIGSEGV, Segmentation fault\.$
match    ^\*\*\* trap 14: page fault, error code 0x[0-9a-f]+$
match    \] crash\+0x[0-9a-f]+$
verify   data/gdbtest-lines.sh
