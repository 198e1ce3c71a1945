# heartbeat saved (xl save) and restored (xl restore) three times in a
# row (docs/suspend.md): each time the request is acknowledged, the
# domain goes, a new one runs on from the same point, and the beats go
# on - none lost or doubled, the ones due while the domain was away at
# once, then on the same 1 s grid, so 20 beats still take 20 s of
# monotonic time, which counts the time away (save-beats.sh: one gap
# per restore, date and uptime in step). Each restore is a new domain
# the next save must find just as well: its p2m frame list rebuilt, its
# xenstore watches set again. The free pages go back to Xen before each
# save (7787 of memory=32's 8192) and come back after it.
app      heartbeat
args     trace=suspend -- 20
timeout  90
action   on ^heartbeat 3: run rig-save
action   on ^heartbeat 8: run rig-save
action   on ^heartbeat 13: run rig-save
expect   poweroff
match    ^suspend: request: asking the app hooks \(any may refuse\)$
match    ^heartbeat: suspending after [0-9]+ beats$
match    ^suspend: devices parked; acknowledged \(control/shutdown cleared\)$
match    ^suspend: memory: [0-9]{4} free page\(s\) given back to Xen: the save copies only pages in use$
match    ^suspend: SCHEDOP_shutdown\(SHUTDOWN_suspend\), start_info mfn 0x[0-9a-f]+ in %rdx; console 0 drained first$
match    ^suspend: back in a new domain \(the hypercall returned 0\)$
match    ^suspend: memory: 1:1 holes set again; p2m frame list rebuilt, top at mfn 0x[0-9a-f]+$
match    ^suspend: memory: [0-9]{4} page\(s\) back from Xen$
match    ^suspend: xenstore: new connection on port [0-9]+, 1 watch\(es\) set again$
match    ^heartbeat: resumed in a new domain after [0-9]+ beats, [0-9]+ ms after its suspend hook$
match    ^suspend: done: restored in a new domain after [0-9]+ ms away$
match    ^heartbeat: suspending after [0-9]+ beats$
match    ^suspend: done: restored in a new domain
match    ^heartbeat: suspending after [0-9]+ beats$
match    ^suspend: done: restored in a new domain
match    ^heartbeat 20: 
match    ^heartbeat: 20 beats in (19\.9|20\.[0-2])[0-9]{2} s$
nomatch  between the suspend and the resume hook
nomatch  ^(xenstore|suspend|memory|gnttab): .*(EIO|refused|failed|dropped|cannot|no p2m|no connection)
nomatch  ^heartbeat 21
xlmatch  ^rig: xl save: [0-9.]+ s, exit 0$
xlmatch  ^rig: xl restore: [0-9.]+ s, exit 0$
xlnomatch exit [1-9]
verify   data/save-beats.sh
