# A fault taken with events enabled and one pending: Xen must deliver
# the trap with events masked (the "clear event enable" flag of each
# trap_info entry), or the upcall runs first, on top of the faulting
# context, and handlers run in the middle of the crash report.
app     nullderef
args    -- pending
expect  crash
match   ^nullderef: loopback with an event pending as we fault$
match   ^nullderef: reading \*0x0$
match   ^\*\*\* trap 14: page fault, error code 0x[0-9a-f]+$
match   ^fault address: 0000000000000000 \(page not present, read\)$
match   \] read_target\+0x[0-9a-f]+$
nomatch event handler ran
nomatch FAIL
