# A typo in a kernel option is bad input: a clear message and a clean
# crash stop, not a silently ignored flag.
app     hello
args    trace=bogus
expect  crash
match   ^command line: unknown trace= flag \(known: boot, devices, suspend\): bogus$
nomatch ^Hello
