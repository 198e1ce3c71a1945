# Event channels under real Xen: a loopback pair delivers both ways;
# 100,000 self-notifications are each delivered exactly once (the app
# checks after every notify); a chain of 10,000 handlers that each unmask
# events and raise their own port again makes 10,000 nested upcalls that
# the outer upcall handles one after the other (no livelock, no handler
# inside another, the stack's low-water mark fixed after the first 100);
# a masked port keeps its event until unmasked, also when an earlier
# handler of the same scan masked it; bad ports are -EINVAL (-22) errors,
# not crashes. trace=boot shows the event, time and thread boot steps.
app     evtest
args    trace=boot
expect  poweroff
match   ^boot: events: upcall .* and failsafe .* registered \(callback_op\)$
match   ^boot: events: all 4096 ports masked, delivery enabled
match   ^boot: time: pvclock [0-9]+ ns, wall clock [0-9]+ s since 1970, VIRQ_TIMER on port [0-9]+, periodic timer stopped
match   ^boot: threads: main thread on the boot stack
match   ^evtest: loopback delivers both ways$
match   ^evtest: storm: 100000 notifies, 100000 deliveries, 100000 upcalls$
match   ^evtest: nested: 10001 handler runs, 10000 nested upcalls, 0 overlapping$
match   ^evtest: nested: upcall stack low-water mark unchanged$
match   ^evtest: mask keeps the event, unmask delivers it once$
match   ^evtest: masked in pass: first 1, second 0$
match   ^evtest: a port masked by an earlier handler waits for unmask$
match   ^evtest: notify\(99999\) = -22$
match   ^evtest: mask\(4096\) = -22$
match   ^evtest: unmask\(70000\) = -22$
match   ^evtest: close\(4000\) = -22$
match   ^evtest: notify\(4000\) = -22$
match   ^evtest: bind_virq\(999\) = -22$
match   ^evtest: close\([0-9]+\) = 0$
match   ^evtest: notify\([0-9]+\) after close = -22$
match   ^evtest: all good$
nomatch FAIL
