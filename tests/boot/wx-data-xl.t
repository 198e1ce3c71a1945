# Data is no-execute: calling into a data buffer faults on the
# instruction fetch, and the domain crashes.
app     wxtest
args    -- exec-data
expect  crash
match   ^wxtest: calling data at
match   ^\*\*\* trap 14: page fault
match   ^fault address: ffffffff8[0-9a-f]+ \(protection violation, instruction fetch\)$
nomatch NOT PROTECTED
