# hello booted directly as dom0: Xen builds it from the ELF notes, the
# console goes through console_io, and a poweroff halts Xen.
app     hello
mode    dom0
expect  poweroff
match   ^pvmini 0\.1: app 'hello' on Xen 4\.17 as dom0$
match   ^Hello from pvmini!$
match   ^dom0: yes$
match   ^argc: 1$
