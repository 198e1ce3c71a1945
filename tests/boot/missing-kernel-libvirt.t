# A domain XML whose <kernel> does not exist (no app: the rig leaves the
# path alone): `virsh create` fails. libvirt's own error says only that
# libxenlight could not create the domain; the reason, the kernel file
# libxl could not open, is in libxl's log (libvirt's libxl-driver.log),
# which the rig copies into the job's.
mode    libvirt
xmlfile data/libvirt-nokernel.xml
expect  toolstack-error
xlmatch ^error: Failed to create domain from /rig/jobs/[0-9]+/xml$
xlmatch ^error: internal error: libxenlight failed to create new domain 'pvmini-nokernel'$
xlmatch ^rig: libxl: .*failed to open file '/srv/pvmini/missing.elf': No such file or directory
xlmatch ^rig: virsh create failed$
xlnomatch Started
