# hello under libvirt: `virsh -c xen:///system create build/hello.xml`,
# the XML `make apps` generated from apps/hello/hello.cfg, started by
# libvirtd's libxl driver. The same guest as hello-xl.t: the console
# works, start_info holds what the XML asked for (32 MiB), and returning
# 0 from main powers the domain off - libvirt's "Stopped Shutdown" event,
# and Xen's reason code 0 (expect).
app     hello
mode    libvirt
expect  poweroff
match   ^pvmini 0\.1: app 'hello' on Xen 4\.17 as domU$
match   ^Hello from pvmini!$
match   ^nr_pages: 8192 \(32 MiB\)$
match   ^argc: 1$
nomatch ^\*\*\*
xlmatch ^Domain 'pvmini-hello' created from /rig/jobs/[0-9]+/xml$
xlmatch for domain 'pvmini-hello': Started Booted$
xlmatch for domain 'pvmini-hello': Stopped Shutdown$
xlmatch ^rig: Xen's shutdown reason code: 0$
