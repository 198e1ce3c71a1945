# Console devices against QEMU's backend, no peer needed: malformed
# frontend nodes are refused with a message, a second open is EBUSY,
# a close releases a reader blocked on the device first, and a closed
# device can be opened again (Closed -> Initialising, the
# backend resets to InitWait), each handshake step under trace=devices.
app     condevtest
args    trace=devices
expect  poweroff
match   ^condevtest: 1 device\(s\); console 1 is 'org.pvmini.test'$
match   ^console 1: device/console/1/backend-id: EBADMSG$
match   ^condevtest: device/console/1/backend-id = 'dom0': EBADMSG$
match   ^condevtest: device/console/1/backend = 'local/domain/0/backend/console': EBADMSG$
match   ^console 1: frontend state is 4, neither Initialising \(1\) nor Closed \(6\): in use$
match   ^dev: console 1: ring granted to dom0 \(ref [0-9]+\), event channel [0-9]+; Initialised$
match   ^dev: console 1 \(org.pvmini.test\): backend Connected; Connected$
match   ^dev: console 1: Closed \(backend state 6\)$
match   ^condevtest: first: opened, wrote, closed$
match   ^dev: console 1: was Closed; Initialising, backend back to InitWait$
match   ^dev: console 1 \(org.pvmini.test\): backend Connected; Connected$
match   ^condevtest: reopened: opened, wrote, closed$
match   ^condevtest: all passed \(0 failures\)$
nomatch FAIL
# ring-ref and port are gone before the reset: QEMU must not try to map
# the old session's grant (it would log the failed mapping).
xlnomatch map_domain_grant_refs failed
