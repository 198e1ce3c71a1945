# gdb drives a guest through its stub (docs/debug.md): stopped before
# main, breakpoints at main and in add_up, a next and a step there, an
# argument and a local printed, finish with the value returned, a global
# printed, code rewritten in place (through its read-only mapping),
# pvmini's threads listed with their names, unreadable addresses refused
# (an error reply, never a fault), and a continue to the normal end. The
# app then finds its code read-only again.
mode     gdb
app      gdbtest
timeout  120
gdb      break main
gdb      continue
gdb      break add_up
gdb      continue
gdb      next
gdb      step
gdb      stepi
gdb      print n
gdb      print sum
gdb      finish
gdb      next
gdb      print counter
gdb      set var *(unsigned char *)add_up = *(unsigned char *)add_up
gdb      info threads
gdb      python exec("try: gdb.execute('x/2xg 0')\nexcept gdb.error as e: print('refused:', e)")
gdb      python exec("try: gdb.execute('x/2xg 0xffff800000000000')\nexcept gdb.error as e: print('refused:', e)")
gdb      python exec("try: gdb.execute('x/2xg 0x800000000000')\nexcept gdb.error as e: print('refused:', e)")
gdb      continue
expect   poweroff
gdbmatch ^Thread 1 hit Breakpoint 1, main \(argc=1,
gdbmatch ^Thread 1 hit Breakpoint 2, add_up \(n=(n@entry=)?10\) at tests/apps/gdbtest/gdbtest.c:[0-9]+$
gdbmatch ^\$1 = 10$
gdbmatch ^\$2 = [0-9]+$
gdbmatch ^Value returned is \$3 = 55$
gdbmatch ^\$4 = 55$
gdbmatch Thread 1 \(main, running\) +main \(
gdbmatch Thread [0-9]+ \(gdb-worker-a, blocked\)
gdbmatch Thread [0-9]+ \(gdb-worker-b, blocked\)
gdbmatch refused: Cannot access memory at address 0x0$
gdbmatch refused: Cannot access memory at address 0xffff800000000000$
gdbmatch refused: Cannot access memory at address 0x800000000000$
gdbmatch exited normally\]$
match    ^gdb: waiting for gdb on /dev/pts/[0-9]+ in dom0 \(channel org\.pvmini\.gdb\), stopped before main$
match    ^gdbtest: counter 55$
match    ^gdbtest: code is read-only$
match    ^gdbtest: done$
nomatch  FAIL
