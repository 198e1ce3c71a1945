# A thread has one joiner: a second thread joining it meanwhile gets
# -XEN_EBUSY at once instead of waking later to read the stack the first
# joiner freed; detaching it while it is joined is -XEN_EBUSY too. All
# three stacks come back.
app     threadlife
args    -- join
expect  poweroff
match   ^threadlife: join: the joiners got 0 and -16, detach meanwhile -16$
match   ^threadlife: join: 0 pages not back$
match   ^threadlife: join: all good$
