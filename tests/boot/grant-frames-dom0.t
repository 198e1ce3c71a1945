# As dom0, which has pfns mapped 1:1 (the ISA hole on QEMU's PC): such a
# pfn is device or firmware memory, never ours to grant. The grant code
# tested the p2m's identity bit on a value pfn_to_mfn had already
# stripped it from, so it granted them. The table checks of
# grant-frames-xl.t hold here too.
app     granttest
mode    dom0
expect  poweroff
match   ^granttest: first grant: granted; table of 2048 refs$
match   ^granttest: mappings that disagree with the p2m: ([0-9]+) before, \1 after$
match   ^granttest: grant of 1:1 pfn 0x9f: EINVAL$
match   ^granttest: grant of a frame above 16 TiB \(0x1[0-9a-f]{8}\): EINVAL$
match   ^granttest: swap failing at its second frame: -[0-9]+; pages hold 'AB'; Xen's count ([0-9]+) -> \1; mappings that disagree with the p2m ([0-9]+) -> \2$
match   ^granttest: all good$
nomatch FAIL
