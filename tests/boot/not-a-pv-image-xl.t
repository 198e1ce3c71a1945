# An ELF without Xen notes is refused by the toolstack; the rig reports a
# toolstack error for it and goes on with the other guests.
app     hello
image   /bin/true
expect  toolstack-error
