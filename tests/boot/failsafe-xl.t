# The failsafe callback, triggered for real: %es loaded from an LDT
# that is then removed; when Xen switches back to us after running dom0
# (the rig has one CPU) it cannot reload %es and calls the failsafe
# callback. The report names the selector and the iret frame, and the
# domain crashes instead of running on.
app     failsafe
expect  crash
match   ^failsafe: %es = 0x7 from an LDT that is gone \(0\); letting dom0 run$
match   ^\*\*\* failsafe callback: Xen could not return to the guest$
match   ^segments: ds=0000 es=0007 fs=0000 gs=0000$
match   ^iret frame: rip=e03[0-3]:ffffffff8[0-9a-f]+ rflags=[0-9a-f]{16} rsp=e02[8-b]:ffffffff8[0-9a-f]+$
match   ^Backtrace:$
match   \] main\+0x[0-9a-f]+$
nomatch still here
