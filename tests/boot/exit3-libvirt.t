# A non-zero return from main under libvirt: a crash shutdown (the XML
# says on_crash destroy), libvirt's "Stopped Crashed", Xen's reason 3.
app     exit3
mode    libvirt
expect  crash
match   ^exit3: returning 3$
match   ^exit code 3$
xlmatch for domain 'pvmini-exit3': Stopped Crashed$
xlmatch ^rig: Xen's shutdown reason code: 3$
