# The xenbus frontend layer's error paths under the real xl, driven
# directly (tests/apps/xbtest) on a console device while dom0 makes
# QEMU's backend misbehave (data/backend-ctl.sh): a missing backend-id,
# a backend state node holding junk, a backend in Closing, a backend
# that never answers (stopped): each a clear message and its own
# errno, nothing left behind - except the ring and port the silent
# backend was given, which stay with it (never handed out again). Then the device reopens from Closed with
# a feature key published in the same transaction, and closes cleanly.
app      xbtest
args     trace=devices
dom0file data/backend-ctl.sh
action   on ^xbtest: dom0, please junk$ run sh $FILES/backend-ctl.sh junk
action   on ^xbtest: dom0, please closing$ run sh $FILES/backend-ctl.sh closing
action   on ^xbtest: dom0, please stop$ run sh $FILES/backend-ctl.sh stop
action   on ^xbtest: dom0, please resume$ run sh $FILES/backend-ctl.sh resume
# the "initwait" step comes twice; an action fires once: two patterns
action   on ^xbtest: backend junk: run sh $FILES/backend-ctl.sh initwait
action   on ^xbtest: backend closing: run sh $FILES/backend-ctl.sh initwait
expect   poweroff
match    ^xbtest: 1 console device\(s\), 0 vif; console 1 is 'org.pvmini.test'$
match    ^console 1: device/console/1/backend-id: missing$
match    ^xbtest: without backend-id: EBADMSG$
match    ^console 1: /local/domain/0/backend/console/[0-9]+/1/state holds junk \('banana'\), no XenbusState; treating the backend as gone$
match    ^console 1: backend /local/domain/0/backend/console/[0-9]+/1 broke the handshake: its state node holds junk$
match    ^xbtest: backend junk: EBADMSG; nothing published, ring freed$
match    ^console 1: backend /local/domain/0/backend/console/[0-9]+/1 refused the connection \(state Closing\)$
match    ^xbtest: backend closing: ENOTCONN; nothing published, ring freed$
match    ^dev: console 1: ring granted to dom0 \(ref [0-9]+\), event channel [0-9]+; Initialised$
match    ^console 1: backend /local/domain/0/backend/console/[0-9]+/1 did not connect within 3000 ms \(state InitWait\)$
match    ^console 1: backend /local/domain/0/backend/console/[0-9]+/1 did not close within 2000 ms \(state InitWait\)$
match    ^console 1: the backend has not let go of port [0-9]+ \(state InitWait\): the port stays open, unused$
match    ^console 1: the backend has not let go of ring-ref [0-9]+ \(state InitWait\): the ref and its page stay with it$
match    ^xbtest: silent backend: ETIMEDOUT after [0-9]+ ms; ring-ref [0-9]+ kept$
match    ^dev: console 1: was Closed; Initialising, backend back to InitWait$
match    ^dev: console 1: ring granted to dom0 \(ref [0-9]+\), event channel [0-9]+, feature-xbtest = 1; Initialised$
match    ^xbtest: reopened from Closed: Connected, ring-ref [0-9]+ and feature-xbtest published; port [0-9]+, not the kept [0-9]+$
match    ^dev: console 1: Closed \(backend state 6\)$
match    ^xbtest: closed: keys removed, ring freed$
match    ^xbtest: all passed \(0 failures\)$
nomatch  FAIL
xlmatch  ^ctl: stop done
xlmatch  ^ctl: resume done; .*/state is '6'$
