# `virsh reboot` under libvirt (the XML says on_reboot destroy): the
# guest sees control/shutdown = reboot and ends with SHUTDOWN_reboot.
# libvirt reports it as "Stopped Shutdown", the same event as a poweroff;
# Xen's reason code 1 tells them apart (expect reboot).
app     heartbeat
mode    libvirt
action  on ^heartbeat 1: run virsh -c xen:///system reboot $NAME
expect  reboot
match   ^heartbeat 1: 
match   ^lifecycle: request 'reboot' from the toolstack$
match   ^lifecycle: hooks done, shutting down with reason reboot$
xlmatch ^Domain 'pvmini-heartbeat' is being rebooted$
xlmatch for domain 'pvmini-heartbeat': Stopped Shutdown$
xlmatch ^rig: Xen's shutdown reason code: 1$
