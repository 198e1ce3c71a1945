# `xl shutdown` of a running heartbeat (no count: it would beat until the
# rig's timeout): dom0 sends it when beat 2 is printed. The guest sees
# control/shutdown = poweroff, runs heartbeat's hook, drains the console
# and ends with SHUTDOWN_poweroff - which xl reports (expect). The verify
# script checks with the guest's own clock that the request arrived
# within 2 s of beat 2 and was handled within 2 s.
app     heartbeat
args    trace=boot
action  on ^heartbeat 2: run xl shutdown $DOMID
expect  poweroff
match   ^boot: lifecycle: watching control/shutdown; feature-poweroff and feature-reboot written$
match   ^boot: lifecycle: feature-suspend written: xl save and xl restore work$
match   ^heartbeat 2: 
match   ^lifecycle: request 'poweroff' from the toolstack$
match   ^lifecycle: request seen at [0-9]+\.[0-9]{3} s$
match   ^heartbeat: stopping after [23] beats \(shutdown reason 0\)$
match   ^lifecycle: hooks done, shutting down with reason poweroff$
match   ^lifecycle: shutdown at [0-9]+\.[0-9]{3} s$
nomatch ^heartbeat 5
xlmatch ^rig: action 1 exit 0$
verify  data/lifecycle-time.sh
