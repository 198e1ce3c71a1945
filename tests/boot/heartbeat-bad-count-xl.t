# A count that is not a number is refused with a usage line.
app     heartbeat
args    -- 3x
expect  crash
match   ^usage: heartbeat \[COUNT\]
nomatch ^heartbeat 1
