# memmap under xl with memory=16, maxmem=64: the map covers maxmem, so
# the 12288 pages between the allocation and it become one extra region,
# invalid in the p2m until populated.
app     memmap
cfg     memory=16
cfg     maxmem=64
expect  poweroff
match   ^nr_pages 4096, maximum 16384,
match   ^  0000000000000000 - 0000000004000000 RAM$
match   ^  extra pfns 0x1000-0x4000 \(12288 pages\)$
match   ^p2m: 16384 entries: 4095 valid, 0 identity, 12288 invalid, 1 foreign$
# Growing past the start: Xen allows up to its current maximum (xl sets
# it to memory= + 1 MiB = 256 pages more, and the frame shared_info hid
# was given back: 257); exactly that many extra pfns get frames, get
# mapped, and work.
match   ^balloon up past the start: 2048 asked, 257 populated \(room: 257
match   ^exhaust 3: [0-9]+ pages allocated until NULL, 0 bad words
match   ^memmap: all checks passed$
nomatch FAILED
