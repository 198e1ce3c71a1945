# Defect: multicall failures were lost. A batch too big for one
# multicall was issued in parts and only the last part's failures
# counted; a merged mmu_update failure named the entry, not the request
# Xen stopped at; a multicall failing as a whole (Xen ran a prefix) ran
# no callback, as if nothing had run.
app     mctest
expect  poweroff
match   ^multicall: part 1, entry 5 of 32 failed: op 14 \(update_va_mapping\) args .* result -[0-9]+$
match   ^mctest: 40 entries, the one at 5 bad: 1 failed$
match   ^multicall: entry 0 of 2 failed: op 1 \(mmu_update\) args .* result -[0-9]+$
match   ^multicall:   request 40 of 100 failed \(ptr 0x7ffffffff000 val 0x[0-9a-f]+\): 40 done, 59 not done$
match   ^mctest: 100 merged PTE updates, the one at 40 bad: 1 failed$
match   ^mctest: multicall failing as a whole: -14; entries before it ran; callbacks: 3 \(results 0 0 -14\)$
match   ^mctest: all good \(0 mismatches\)$
nomatch MISMATCH
