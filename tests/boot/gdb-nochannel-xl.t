# debug=gdb in a domain whose cfg has no channel org.pvmini.gdb: the stub
# says what the cfg needs and the domain crashes instead of waiting for a
# gdb that cannot come.
app     gdbtest
image   build/gdb/gdbtest.elf
args    debug=gdb
expect  crash
match   ^gdb: debug=gdb needs the channel 'org\.pvmini\.gdb' \(-2\): add "connection=pty,name=org\.pvmini\.gdb" to the cfg's channel=, after a placeholder \(docs/debug\.md\)$
nomatch ^gdbtest:
