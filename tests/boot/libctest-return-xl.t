# Returning 5 from main in a newlib app goes through exit() (ld
# --wrap=main, lib/newlib/start.c): exit code 5, a crash.
app     libctest
args    -- return 5
expect  crash
match   ^libctest: ending with return 5$
match   ^exit code 5$
