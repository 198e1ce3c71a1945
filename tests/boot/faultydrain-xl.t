# A shutdown drain that faults: the trap report ends the domain again,
# and that nested end must not run the drains again (the faulty one
# would fault again, recursing until the stack runs out). It runs each
# drain once: the faulty one is skipped, the console's still runs, so
# the report is seen, and the domain crashes.
app     faultydrain
expect  crash
match   ^faultydrain: a drain that faults is registered; ending$
match   ^exit code 3$
match   ^faultydrain: drain run 1$
match   ^\*\*\* trap 14: page fault
match   \] bad_drain\+0x[0-9a-f]+$
match   \] domain_shutdown\+0x[0-9a-f]+$
nomatch drain run 2
nomatch stack overflow
