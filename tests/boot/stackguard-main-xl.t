# The boot stack, on which main() runs, has an unmapped guard page below
# it as well: endless recursion there crashes the domain instead of
# overwriting the .bss below the stack.
app     stackguard
args    -- main
expect  crash
match   ^stackguard: recursing on the boot stack$
nomatch survived
