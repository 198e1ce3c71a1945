# Cooperative threads under real Xen: two threads ping-pong 1000 times
# each over wait queues in strict alternation with 16-byte aligned
# frames; rbx, r12-r15 and xmm6/xmm7 survive 400 yields among four
# threads; a mutex held across yields is never shared; sleepers wake in
# deadline order; joining oneself or NULL is an error.
app     threadtest
expect  poweroff
match   ^threadtest: ping-pong 2000 turns, 0 out of turn, 0 misaligned$
match   ^threadtest: registers across 400 yields: 0 changed$
match   ^threadtest: mutex: 200 entries, 0 collisions$
match   ^threadtest: sleepers woke in deadline order$
match   ^threadtest: join\(self\) = -22, join\(NULL\) = -22$
match   ^threadtest: [0-9]+ switches, all good$
