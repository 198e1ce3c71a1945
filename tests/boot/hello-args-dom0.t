# As dom0 the command line is what follows the image name in the
# bootloader's module line; it reaches the app the same way.
app     hello
mode    dom0
args    trace=boot -- alpha beta
expect  poweroff
match   ^boot: console: Xen's console \(console_io\)$
match   ^boot: traps: 17 exception vectors installed
match   ^argc: 3$
match   ^argv\[1\]: "alpha"$
match   ^argv\[2\]: "beta"$
