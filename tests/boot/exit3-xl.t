# A non-zero return from main is a crash shutdown that says the code.
app     exit3
expect  crash
match   ^exit3: returning 3$
match   ^exit code 3$
