# Endless recursion in a timer callback, which runs inside the event
# upcall on the main thread's stack: the same limit stops it, and the
# report names the thread whose stack it was and shows the upcall below
# the callback.
app     stackguard
args    -- handler
expect  crash
match   ^stackguard: recursing in a timer callback$
match   ^\*\*\* stack overflow in thread main
match   ^Backtrace:$
match   \] recurse(\.[a-z0-9.]+)?\+0x[0-9a-f]+$
match   ^  \.\.\. the same call [0-9]+ more times$
match   \] recurse_in_handler\+0x[0-9a-f]+$
match   \] do_event_upcall\+0x[0-9a-f]+$
nomatch survived
