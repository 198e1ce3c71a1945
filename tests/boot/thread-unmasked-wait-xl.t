# wq_wait_locked with events enabled would put the thread on the queue
# where a handler's wake can run in the middle: the precondition is
# checked, with a panic that says what to do.
app     threadlife
args    -- unmasked-wait
expect  crash
match   ^panic: wq_wait_locked: events must be masked
match   \] wq_wait_locked\+0x
nomatch no panic
