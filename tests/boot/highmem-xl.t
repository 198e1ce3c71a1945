# A 2400 MiB domain: RAM above 1 GiB needs page tables the builder never
# made (a second L2 beside the image, then a new L3 in a new L4 slot),
# and the pfns above 2 GiB live in the direct map's high window. Every
# page is taken, stamped with its pfn, read back and freed.
app     highmem
args    trace=boot
expect  poweroff
match   ^boot: mm: mapped [0-9]+ pages with [0-9]+ new tables in [0-9]+ hypercall\(s\)
match   ^highmem: 614400 pages in the domain, [0-9]+ free$
match   ^highmem: took [0-9]+ pages, 9[0-9]{4} above 2 GiB \(mapped 0xffff8800[89][0-9a-f]{7}-0xffff88009[0-9a-f]{7}\), 0 stamps wrong$
match   ^highmem: all pages back$
nomatch FAIL|not mapped
