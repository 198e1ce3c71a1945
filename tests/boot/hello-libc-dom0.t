# The same as dom0: newlib's write(1) goes through console_io instead.
app     hello-libc
mode    dom0
args    -- one
expect  poweroff
match   ^Hello from pvmini and newlib!$
match   ^argv\[1\]: "one"$
