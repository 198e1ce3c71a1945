# A NULL read faults (VIRT_BASE keeps page 0 unmapped): the report names
# the trap, the address, every register and the callers by name, and the
# domain crashes instead of hanging.
app     nullderef
expect  crash
match   ^nullderef: reading \*0x0$
match   ^\*\*\* trap 14: page fault, error code 0x[0-9a-f]+$
match   ^fault address: 0000000000000000 \(page not present, read\)$
match   ^RIP: e03[0-3]:ffffffff8[0-9a-f]+  RFLAGS:
match   ^R14: [0-9a-f]{16}  R15: [0-9a-f]{16}$
match   ^Backtrace:$
match   \] read_target\+0x[0-9a-f]+$
match   \] main\+0x[0-9a-f]+$
match   \] start_kernel\+0x[0-9a-f]+$
match   \] _start\+0x[0-9a-f]+$
