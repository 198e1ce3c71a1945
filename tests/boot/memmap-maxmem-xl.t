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
match   ^p2m: 16384 entries: 4096 valid, 0 identity, 12288 invalid$
