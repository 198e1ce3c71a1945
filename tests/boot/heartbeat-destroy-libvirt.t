# `virsh destroy` of a running heartbeat: no guest code runs, libvirt
# reports "Stopped Destroyed", and the console kept every beat printed
# before it.
app     heartbeat
mode    libvirt
action  on ^heartbeat 2: run virsh -c xen:///system destroy $NAME
expect  destroyed
match   ^heartbeat 1: 
match   ^heartbeat 2: 
nomatch ^lifecycle: request
xlmatch ^Domain 'pvmini-heartbeat' destroyed$
xlmatch for domain 'pvmini-heartbeat': Stopped Destroyed$
