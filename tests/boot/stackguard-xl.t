# A thread that recurses without end runs into the unmapped guard page
# below its stack. Xen cannot write the page-fault frame on that stack
# (a kernel-mode PV guest gets no stack switch) and crashes the domain
# itself: the result is a crash, and nothing runs on past the stack.
app     stackguard
expect  crash
match   ^stackguard: recursing on a 28 KiB stack$
nomatch survived
nomatch joined
