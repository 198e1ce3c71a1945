# 1000 one-shot software timers, armed in a random order with random
# deadlines over 200 ms (every tenth cancelled): the 900 others fire in
# deadline order and none before its deadline; thread_sleep_ns(50 ms)
# sleeps at least 50 and under 70 ms of guest time.
app     timertest
expect  poweroff
match   ^timertest: 1000 armed, 100 cancelled, 900 fired, 0 early, order by deadline$
match   ^timertest: sleep 50 ms took 50\.\.70 ms$
nomatch WRONG
nomatch cancelled timer
