# AVX state and thread switches. Where Xen shows the CPU has XSAVE the
# kernel enables AVX and switches threads with XSAVE: two threads keep
# their own ymm6 across 400 yields. The rig's default CPU (qemu64) has no
# XSAVE, so here the test only sees that case (AVX stays off: #UD); run
# the xsave case with pvmini as dom0 on a CPU that has it:
#   RIG_QEMU_EXTRA='-cpu max' tests/rig/dom0-run build/avxtest.elf
app     avxtest
expect  poweroff
match   ^avxtest: (AVX not enabled: the CPU as Xen shows it has no XSAVE|XCR0 0x7; ymm6 across 400 yields in 2 threads: 0 changed)$
nomatch FAIL
