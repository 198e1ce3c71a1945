# `virsh shutdown` of a running heartbeat under libvirt, as
# heartbeat-shutdown-xl.t does with `xl shutdown`: libvirt's libxl driver
# writes control/shutdown = poweroff, the guest runs heartbeat's hook and
# powers off; libvirt reports "Stopped Shutdown", Xen reason 0 (expect).
# Meanwhile `virsh console` shows the same console until the domain is
# gone, on a pty (tests/rig/ptyrun.c); its copy lands in the job's log as
# "vc: " lines. Without a terminal it refuses, as the "notty: " line says.
app     heartbeat
mode    libvirt
args    trace=boot
action  on ^heartbeat 1: run ptyrun virsh -c xen:///system console $NAME | tr -d '\r' | sed 's/^/vc: /'
action  on ^heartbeat 1: run virsh -c xen:///system console $NAME </dev/null 2>&1 | sed 's/^/notty: /'
action  on ^heartbeat 3: run virsh -c xen:///system shutdown $NAME
expect  poweroff
match   ^boot: lifecycle: watching control/shutdown; feature-poweroff and feature-reboot written$
match   ^boot: lifecycle: feature-suspend written: xl save and xl restore work$
match   ^heartbeat 3: 
match   ^lifecycle: request 'poweroff' from the toolstack$
match   ^heartbeat: stopping after [0-9]+ beats \(shutdown reason 0\)$
match   ^lifecycle: hooks done, shutting down with reason poweroff$
xlmatch ^Domain 'pvmini-heartbeat' is being shutdown$
xlmatch ^vc: Connected to domain 'pvmini-heartbeat'$
xlmatch ^vc: heartbeat 2: 
xlmatch ^vc: lifecycle: hooks done, shutting down with reason poweroff$
xlmatch for domain 'pvmini-heartbeat': Stopped Shutdown$
xlmatch ^notty: error: Cannot run interactive console without a controlling TTY$
xlmatch ^rig: action 3 exit 0$
