# Timer callbacks and event handlers doing floating point (a moving
# average in SSE and in x87) while main keeps exact sums in SSE and then
# x87 registers: the upcall must save and restore the interrupted
# FPU/SSE state around the handlers, or the sums go wrong. The timer's
# upcalls come in the middle of the loops, so they are the ones that save
# (the app checks at least 10 did); upcalls at a hypercall return do not,
# which is right only because a hypercall declares every FP register
# clobbered: the third loop keeps its sum across hypercalls.
app     handlerfp
expect  poweroff
match   ^handlerfp: sse: [0-9]+ loops, 0 wrong; x87: [0-9]+ loops, 0 wrong; [0-9]+ timer callbacks, [0-9]+ event handlers$
match   ^handlerfp: [0-9]+ upcalls saved the FPU state$
match   ^handlerfp: with hypercalls: [0-9]+ loops, 0 wrong$
match   ^handlerfp: interrupted float sums intact$
nomatch FAIL
