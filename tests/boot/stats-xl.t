# The stats demo (newlib: strtod, realloc, qsort, printf %g, sqrt, time)
# on numbers from the command line. data/stats-check.sh recomputes the
# sorted list and every statistic from this file's args line with awk and
# compares them with what the guest printed.
app     stats
args    -- 3 -1.5 4 1e3 5 9 2.25 0 0.125 -7e-2 42
expect  poweroff
match   ^stats: 11 numbers from the command line$
match   ^sorted: 
match   ^stats: done at 20[0-9][0-9]-[0-9][0-9]-[0-9][0-9] [0-9:]+ UTC in [0-9]+ us$
verify  data/stats-check.sh
nomatch exit code
