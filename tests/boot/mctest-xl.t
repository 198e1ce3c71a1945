# The multicall batcher under real Xen: 1000 queued PTE updates merge
# into few mmu_update entries and produce exactly the expected PTEs and
# page contents; a bad entry mid-batch is reported by index while the
# entries around it take effect.
app     mctest
expect  poweroff
match   ^mctest: 1000 PTE updates: 2 multicalls, 3 entries, 0 failed$
match   ^mctest: 1000 PTE updates: 2 multicalls, 3 entries, 0 failed$
match   ^multicall: entry 1 of 3 failed: op 1 \(mmu_update\) args .* result -[0-9]+$
match   ^mctest: bad entry batch: 1 failed$
match   ^mctest: all good \(0 mismatches\)$
nomatch MISMATCH
