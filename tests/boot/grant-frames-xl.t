# Defects in granting and in the grant table's set-up: a frame above
# 16 TiB was truncated to 32 bits and granted; the table was mapped over
# pages from the allocator whose RAM frames then leaked (mapped by
# nothing, still counted ours) with the p2m out of step; the table was
# mapped executable.
app     granttest
expect  poweroff
match   ^granttest: first grant: granted; table of 2048 refs$
match   ^granttest: Xen's count of our pages: ([0-9]+) before the table, [0-9]+ after$
match   ^granttest: mappings that disagree with the p2m: ([0-9]+) before, \1 after$
match   ^granttest: writable\+executable mappings \(NX on\): ([0-9]+) before, \1 after$
match   ^granttest: no pfn mapped 1:1 in this domain$
match   ^granttest: grant of a frame above 16 TiB \(0x1[0-9a-f]{8}\): EINVAL$
match   ^granttest: swap failing at its second frame: -[0-9]+; pages hold 'AB'; Xen's count ([0-9]+) -> \1; mappings that disagree with the p2m ([0-9]+) -> \2$
match   ^granttest: all good$
nomatch FAIL
