# The smallest newlib app under xl: printf reaches the console ring
# through write(1), argv arrives, returning 0 powers off.
app     hello-libc
args    -- one "two three"
expect  poweroff
match   ^Hello from pvmini and newlib!$
match   ^argv\[1\]: "one"$
match   ^argv\[2\]: "two three"$
nomatch exit code
