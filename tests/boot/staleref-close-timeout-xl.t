# The defect "a grant ref goes back to the free list after a close that
# timed out, while the stale ring-ref stays in xenstore" (correctness
# review, issue 12 item 9). dom0 makes QEMU's console backend unmap the
# ring and say Closing, then stops it: the guest's close times out
# waiting for Closed, ring-ref still names the grant, and the backend
# may still map it once it runs again. The ref (and its page) must stay
# out of use: a new grant gets another ref. Once QEMU is resumed the
# device opens and closes cleanly again.
app      staleref
args     trace=devices
dom0file data/backend-ctl.sh
action   on ^staleref: dom0, please stop-at-closing$ run sh $FILES/backend-ctl.sh stop-at-closing
action   on ^staleref: dom0, please resume$ run sh $FILES/backend-ctl.sh resume
expect   poweroff
match    ^staleref: connected, ring-ref [0-9]+$
match    ^staleref: close with a stopped backend: [A-Z0-9]+ after [0-9]+ ms$
match    ^staleref: ref [0-9]+ stays with the backend$
match    ^staleref: reopened, wrote, closed$
match    ^staleref: all passed \(0 failures\)$
nomatch  FAIL
xlmatch  ^ctl: stop-at-closing done; .*/state is '5'$
xlmatch  ^ctl: resume done
