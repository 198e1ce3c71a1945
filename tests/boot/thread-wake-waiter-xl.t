# thread_wake from a timer callback on a thread asleep in wait_event
# takes it out of its wait queue: the threads queued behind it stay
# queued, and all three get through when the condition holds. (It used
# to reuse the queue link for the run queue, cutting the rest off.)
app     threadlife
args    -- wake
expect  poweroff
match   ^threadlife: wake: 3 of 3 waiters through$
match   ^threadlife: wake: all good$
