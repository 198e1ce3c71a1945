# Kernel text is read-only after boot: a write into printk faults as a
# protection violation on a present page, and the domain crashes.
app     wxtest
args    -- write-text
expect  crash
match   ^wxtest: writing to printk at
match   ^\*\*\* trap 14: page fault
match   ^fault address: ffffffff8[0-9a-f]+ \(protection violation, write\)$
nomatch NOT PROTECTED
