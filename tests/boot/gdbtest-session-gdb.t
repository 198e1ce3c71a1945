# gdb drives a guest through its stub (docs/debug.md): stopped before
# main, breakpoints at main and in add_up, a next and a step there, an
# argument and a local printed, finish with the value returned, a global
# printed, code rewritten in place (through its read-only mapping),
# pvmini's threads listed with their names, unreadable addresses refused
# (an error reply, never a fault). Then Ctrl-C: the guest spins in main
# until its variable changes; gdb's SIGINT sends 0x03 down the channel,
# the channel's event stops the domain as its upcall ends, and gdb finds
# it in the loop (the line: data/gdbtest-lines.sh), clears the variable
# and lets it go on. The app then asks itself to be saved, which the stub
# refuses (a veto), and ends normally, its code read-only again. One
# boot for all of it: each gdb test is a boot of its own.
mode      gdb
app       gdbtest
args      -- spin
timeout   120
interrupt ^gdbtest: spinning$
gdb       break main
gdb       continue
gdb       break add_up
gdb       continue
gdb       next
gdb       step
gdb       stepi
gdb       print n
gdb       print sum
gdb       finish
gdb       next
gdb       print counter
gdb       set var *(unsigned char *)add_up = *(unsigned char *)add_up
gdb       info threads
gdb       python exec("try: gdb.execute('x/2xg 0')\nexcept gdb.error as e: print('refused:', e)")
gdb       python exec("try: gdb.execute('x/2xg 0xffff800000000000')\nexcept gdb.error as e: print('refused:', e)")
gdb       python exec("try: gdb.execute('x/2xg 0x800000000000')\nexcept gdb.error as e: print('refused:', e)")
gdb       continue
gdb       bt 1
gdb       print spinning
gdb       set var spinning = 0
gdb       continue
expect    poweroff
gdbmatch  ^Thread 1 hit Breakpoint 1, main \(argc=2,
gdbmatch  ^Thread 1 hit Breakpoint 2, add_up \(n=(n@entry=)?11\) at tests/apps/gdbtest/gdbtest.c:[0-9]+$
gdbmatch  ^\$1 = 11$
gdbmatch  ^\$2 = [0-9]+$
gdbmatch  ^Value returned is \$3 = 66$
gdbmatch  ^\$4 = 66$
gdbmatch  Thread 1 \(main, running\) +main \(
gdbmatch  Thread [0-9]+ \(gdb-worker-a, blocked\)
gdbmatch  Thread [0-9]+ \(gdb-worker-b, blocked\)
gdbmatch  refused: Cannot access memory at address 0x0$
gdbmatch  refused: Cannot access memory at address 0xffff800000000000$
gdbmatch  refused: Cannot access memory at address 0x800000000000$
gdbmatch  ^Thread 1 received signal SIGINT, Interrupt\.$
gdbmatch  ^#0 +main \(.* at tests/apps/gdbtest/gdbtest\.c:[0-9]+$
gdbmatch  ^\$5 = true$
gdbmatch  exited normally\]$
match     ^gdb: waiting for gdb on /dev/pts/[0-9]+ in dom0 \(channel org\.pvmini\.gdb\), stopped before main$
match     ^gdbtest: counter 66$
match     ^gdbtest: spinning$
match     ^gdb: a domain under gdb is not saved \(restore would cut gdb off\); refusing$
match     ^suspend: refused by device 'gdb stub' \(EBUSY\): not acknowledged, the toolstack will withdraw the request$
match     ^gdbtest: save refused, running on$
match     ^gdbtest: code is read-only$
match     ^gdbtest: done$
nomatch   FAIL
verify    data/gdbtest-lines.sh
