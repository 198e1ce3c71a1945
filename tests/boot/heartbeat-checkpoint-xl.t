# xl save -c (a checkpoint, docs/suspend.md): the domain is saved and
# runs on in the same domain - SCHEDOP_shutdown returns 1 - with nothing
# reconnected: no new event channels, no new xenstore connection, the
# same shared_info frame mapped again. The beats go on on their grid.
app      heartbeat
args     trace=suspend -- 8
timeout  60
action   on ^heartbeat 3: run rig-save -c
expect   poweroff
match    ^heartbeat: suspending after [0-9]+ beats$
match    ^suspend: back in the same domain \(the hypercall returned 1\)$
match    ^suspend: shared_info mapped again \(mfn 0x[0-9a-f]+\)$
match    ^heartbeat: resumed in the same domain after [0-9]+ beats, [0-9]+ ms after its suspend hook$
match    ^suspend: done: running on in the same domain after [0-9]+ ms away$
match    ^heartbeat 8: 
match    ^heartbeat: 8 beats in (7\.9|8\.[0-2])[0-9]{2} s$
nomatch  between the suspend and the resume hook
nomatch  ^suspend: (console 0: new|timers:|xenstore: new|domid now|clock:)
nomatch  ^suspend: back in a new domain
xlmatch  ^rig: xl save-c: [0-9.]+ s, exit 0$
xlnomatch ^rig: xl restore
