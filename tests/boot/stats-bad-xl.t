# A word that is not a number: the demo says which and exits with 2,
# which crashes the domain with "exit code 2".
app     stats
args    -- 1 2 three 4
expect  crash
match   ^stats: 'three' is not a finite number$
match   ^exit code 2$
nomatch ^sorted:
