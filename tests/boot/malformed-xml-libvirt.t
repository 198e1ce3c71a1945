# Malformed domain XML: `virsh create` fails with libvirt's parser error,
# which names the line; nothing is started and the rig says so.
app     hello
mode    libvirt
xmlfile data/libvirt-malformed.xml
expect  toolstack-error
xlmatch ^error: Failed to create domain from /rig/jobs/[0-9]+/xml$
xlmatch Opening and ending tag mismatch: console
xlmatch ^rig: virsh create failed$
xlnomatch Started
