# exit(0) powers off, and flushes stdout first: the last line has no
# newline, so only exit()'s flush can bring it out.
app     libctest
args    -- partial
expect  poweroff
match   ^libctest: ending with partial 0$
match   ^no newline before exit
nomatch exit code
