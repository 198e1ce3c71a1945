# Event channels under real Xen: a loopback pair delivers both ways;
# 100,000 self-notifications are each delivered exactly once (the app
# checks after every notify) and the upcall's stack low-water mark does
# not move; a masked port keeps its event until unmasked; bad ports are
# -EINVAL (-22) errors, not crashes. trace=boot shows the event, time
# and thread boot steps.
app     evtest
args    trace=boot
expect  poweroff
match   ^boot: events: upcall .* and failsafe .* registered \(callback_op\)$
match   ^boot: events: all 4096 ports masked, delivery enabled
match   ^boot: time: pvclock [0-9]+ ns, wall clock [0-9]+ s since 1970, VIRQ_TIMER on port [0-9]+, periodic timer stopped
match   ^boot: threads: main thread on the boot stack
match   ^evtest: loopback delivers both ways$
match   ^evtest: storm: 100000 notifies, 100000 deliveries, 100000 upcalls$
match   ^evtest: storm: upcall stack low-water mark unchanged$
match   ^evtest: mask keeps the event, unmask delivers it once$
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
