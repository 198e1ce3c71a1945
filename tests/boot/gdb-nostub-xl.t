# debug=gdb on an image without the stub (build/gdbtest.elf, not
# build/gdb/gdbtest.elf): a clear message naming the image to use, and a
# crash, not an app running undebugged.
app     gdbtest
args    debug=gdb
expect  crash
match   ^debug=gdb: this image has no gdb stub; build and run build/gdb/gdbtest\.elf \(make debug APP=gdbtest, docs/debug\.md\)$
nomatch ^gdbtest:
