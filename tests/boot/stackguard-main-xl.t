# The boot stack, on which main() runs, has its limit and guard page as
# well: endless recursion there is reported as an overflow of the main
# thread instead of overwriting the .bss below the stack or crashing
# without a word.
app     stackguard
args    -- main
expect  crash
match   ^stackguard: recursing on the boot stack$
match   ^\*\*\* stack overflow in thread main
match   ^Backtrace:$
match   \] recurse(\.[a-z0-9.]+)?\+0x[0-9a-f]+$
match   ^  \.\.\. the same call [0-9]+ more times$
match   \] main\+0x[0-9a-f]+$
match   \] start_kernel\+0x[0-9a-f]+$
nomatch survived
