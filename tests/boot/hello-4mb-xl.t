# The smallest memory= hello boots with is 4 MiB: pvmini itself needs
# far less, but xl's domain builder wants ~4 MiB for the initial mapping
# it builds (see hello-3mb-xl.t).
app     hello
cfg     memory=4
expect  poweroff
match   ^Hello from pvmini!$
match   ^nr_pages: 1024 \(4 MiB\)$
