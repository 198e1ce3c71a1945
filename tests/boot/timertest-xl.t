# 1000 one-shot software timers, armed in a random order with random
# deadlines over 200 ms (every tenth cancelled): the 900 others fire in
# deadline order and none before its deadline; thread_sleep_ns(50 ms)
# never wakes early, and wakes by its timer (well under a second; how
# late within that depends on the shared host, so it is not asserted).
app     timertest
expect  poweroff
match   ^timertest: 1000 armed, 100 cancelled, 900 fired, 0 early, order by deadline$
match   ^timertest: sleep 50 ms took at least 50 ms, under 1 s$
nomatch WRONG
nomatch cancelled timer
