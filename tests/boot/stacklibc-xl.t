# newlib, built without the stack check, called right at the stack
# limit: fprintf(stderr) of floats (vfprintf, dtoa) runs unchecked below
# the limit, inside the margin kept for it, until it calls back into
# checked code (malloc), which reports the overflow - the guard page,
# where Xen would crash the domain without a word, is never reached.
app     stacklibc
expect  crash
match   ^stacklibc: descending to the stack limit$
match   ^\*\*\* stack overflow in thread main
match   \] _vfprintf_r\+0x[0-9a-f]+$
match   \] fprintf\+0x[0-9a-f]+$
match   \] descend\+0x[0-9a-f]+$
match   ^  \.\.\. the same call [0-9]+ more times$
nomatch survived
