# A thread that recurses without end must be stopped by its stack's
# limit, with a word: Xen cannot deliver a fault on an overflowed stack
# (a kernel-mode PV guest gets no stack switch) and would crash the
# domain silently. Every function compiled by pvmini checks its frame
# against the running thread's limit (gcc -fsplit-stack) a page above
# the guard; the check fires first and reports on an emergency stack:
# the thread's name and where it recursed, then a crash.
app     stackguard
expect  crash
match   ^stackguard: recursing on a 28 KiB stack$
match   ^\*\*\* stack overflow in thread overflow
match   ^Backtrace:$
match   \] recurse(\.[a-z0-9.]+)?\+0x[0-9a-f]+$
match   ^  \.\.\. the same call [0-9]+ more times$
match   \] overflow\+0x[0-9a-f]+$
match   \] thread_main\+0x[0-9a-f]+$
nomatch survived
nomatch joined
