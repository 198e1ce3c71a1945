# Endless recursion where each level takes a variable-length array: gcc
# checks the array against the limit apart from the frame, and calls
# __morestack_allocate_stack_space when it does not fit. That is an
# overflow too, reported the same way, from inside the function.
app     stackguard
args    -- vla
expect  crash
match   ^stackguard: recursing with variable-length arrays$
match   ^\*\*\* stack overflow in thread main
match   ^Backtrace:$
match   \] recurse_vla(\.[a-z0-9.]+)?\+0x[0-9a-f]+$
match   ^  \.\.\. the same call [0-9]+ more times$
match   \] main\+0x[0-9a-f]+$
nomatch survived
