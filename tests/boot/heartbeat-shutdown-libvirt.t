# `virsh shutdown` of a running heartbeat under libvirt, as
# heartbeat-shutdown-xl.t does with `xl shutdown`: libvirt's libxl driver
# writes control/shutdown = poweroff, the guest runs heartbeat's hook and
# powers off; libvirt reports "Stopped Shutdown", Xen reason 0 (expect).
# Meanwhile `virsh console` (on a pty: it refuses to run without one)
# shows the same console until the domain is gone; its copy lands in the
# job's log as "vc: " lines.
app     heartbeat
mode    libvirt
args    trace=boot
action  on ^heartbeat 1: run ptyrun virsh -c xen:///system console $NAME | tr -d '\r' | sed 's/^/vc: /'
action  on ^heartbeat 3: run virsh -c xen:///system shutdown $NAME
expect  poweroff
match   ^boot: lifecycle: watching control/shutdown; feature-poweroff and feature-reboot written, feature-suspend not$
match   ^heartbeat 3: 
match   ^lifecycle: request 'poweroff' from the toolstack$
match   ^heartbeat: stopping after [34] beats \(shutdown reason 0\)$
match   ^lifecycle: hooks done, shutting down with reason poweroff$
nomatch ^heartbeat 6
xlmatch ^Domain 'pvmini-heartbeat' is being shutdown$
xlmatch ^vc: Connected to domain 'pvmini-heartbeat'$
xlmatch ^vc: heartbeat 2: 
xlmatch ^vc: lifecycle: hooks done, shutting down with reason poweroff$
xlmatch for domain 'pvmini-heartbeat': Stopped Shutdown$
xlmatch ^rig: action 2 exit 0$
