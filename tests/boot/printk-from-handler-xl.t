# printk from an event handler (a timer callback every 100 us) while a
# thread prints 3000 lines: the console stays alive, no line is lost,
# and none is cut by another - each printk reaches the ring whole. (The
# ring write used to read out_prod, copy, and store it with events
# enabled: a handler's printk in between moved out_prod backwards.)
app     printkrace
timeout 60
expect  poweroff
verify  data/printk-intact.sh
match   ^printkrace: 3000 thread lines, [0-9]+ handler lines$
