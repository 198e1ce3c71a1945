# memmap as dom0 on QEMU's PC map (dom0_mem=64M): the raw map matches the
# e820 Xen printed at boot; the ISA hole 0x9fc00-0x100000, rounded out to
# pfns 0x9f-0xff, is set 1:1 and its 97 frames are released; they come
# back as extra memory placed right above the 16384-page allocation.
app     memmap
mode    dom0
expect  poweroff
verify  data/e820-matches-xen.sh
match   ^nr_pages 16384, maximum 16384,
match   ^  identity pfns 0x9f-0x100 \(97 pages\)$
match   ^  release pfns 0x9f-0x100 \(97 pages\)$
match   ^  extra pfns 0x4000-0x4061 \(97 pages\)$
match   ^released 97 pages, set [0-9]+ pages 1:1, extra 97 pages
match   ^p2m: 16481 entries: 16286 valid, [0-9]+ identity, 97 invalid, 1 foreign$
match   ^memmap: all checks passed$
nomatch FAILED
