# memmap under xl with memory=32: xl gives a one-entry map of exactly the
# allocation, so nothing is released or 1:1 and every pfn has a frame.
app     memmap
cfg     memory=32
expect  poweroff
match   ^nr_pages 8192, maximum 8192,
match   ^raw map \(1 entries\):$
match   ^  0000000000000000 - 0000000002000000 RAM$
match   ^released 0 pages, set 0 pages 1:1, extra 0 pages
match   ^p2m: 8192 entries: 8191 valid, 0 identity, 0 invalid, 1 foreign$
# Every free page can be allocated, holds its pattern, and comes back;
# the heap likewise; 1024 pages go back to Xen and return.
match   ^boot stack guard page: unmapped$
match   ^exhaust 1: ([0-9]+) pages allocated until NULL, 0 bad words
match   ^exhaust 2: ([0-9]+) pages allocated until NULL, 0 bad words
match   ^heap: [1-9][0-9]* blocks of 65520 bytes until NULL, 0 bad bytes
match   ^balloon down: 1024 asked, 1024 given back
match   ^balloon up: 1024 asked, 1024 populated
match   ^memmap: all checks passed$
nomatch FAILED
