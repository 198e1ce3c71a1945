# Ctrl-C: the guest spins in main until its variable changes; gdb's
# SIGINT sends 0x03 down the channel, the channel's event stops the
# domain as its upcall ends, and gdb finds it in the loop (the line:
# data/gdbtest-lines.sh), clears the variable and lets it finish.
mode      gdb
app       gdbtest
args      -- spin
timeout   120
interrupt ^gdbtest: spinning$
gdb       continue
gdb       bt 1
gdb       print spinning
gdb       set var spinning = 0
gdb       continue
expect    poweroff
gdbmatch  ^Thread 1 received signal SIGINT, Interrupt\.$
gdbmatch  ^#0 +main \(.* at tests/apps/gdbtest/gdbtest\.c:[0-9]+$
gdbmatch  ^\$1 = true$
gdbmatch  exited normally\]$
match     ^gdbtest: spinning$
match     ^gdbtest: code is read-only$
match     ^gdbtest: done$
verify    data/gdbtest-lines.sh
