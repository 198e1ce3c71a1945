# kmalloc/kfree and alloc_pages/free_pages from a timer callback (every
# 50 us) while a thread allocates, fills, checks and frees in a loop for
# 1.5 s: no block is ever handed out twice (each keeps its own fill
# byte), no double free, no list broken. Both allocators run with events
# masked, so a handler never finds one half-way through a change.
app     heaprace
timeout 60
expect  poweroff
match   ^heaprace: [0-9]+ thread rounds, [0-9]{4,} heap blocks and [0-9]+ page blocks in the handler, 0 corrupt$
match   ^heaprace: all good$
nomatch panic
