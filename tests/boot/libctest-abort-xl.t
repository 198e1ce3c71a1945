# abort() crashes the domain with a message and a backtrace that names
# libc's frames (newlib is built with frame pointers) and the app's.
app     libctest
args    -- abort
expect  crash
match   ^panic: app: abort\(\) \(signal 6\)$
match   ^Backtrace:$
match   \] kill\+0x
match   \] abort\+0x
match   \] main(\.cold)?\+0x
match   \] __wrap_main\+0x
match   \] start_kernel\+0x
