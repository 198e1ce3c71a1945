# A timer callback (an event handler) that sleeps would switch threads
# in the middle of the upcall: it is refused with a panic that says so,
# instead of the guest hanging with its events swallowed.
app     threadlife
args    -- handler-sleep
expect  crash
match   ^panic: .*from an event handler \(port [0-9]+\)
match   ^Backtrace:$
match   \] sleepy_callback\+0x
nomatch no panic
