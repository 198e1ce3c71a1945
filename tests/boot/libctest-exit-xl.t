# exit(7) from a newlib app: the kernel says the code and the domain
# crashes, exactly as when main returns 7.
app     libctest
args    -- exit 7
expect  crash
match   ^libctest: ending with exit 7$
match   ^exit code 7$
