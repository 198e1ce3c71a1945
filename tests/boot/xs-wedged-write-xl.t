# Defect: the xenstore timeout did not cover writes. A request waited
# for room in the request ring without bound, holding the write lock,
# so a wedged xenstored hung every requester for as long as it stayed
# wedged. Here dom0 SIGSTOPs xenstored (and SIGCONTs it 15 s later, in
# the background, whatever the guest does): a write twice the ring
# and a read queued behind it must both give up after their own 10 s,
# and once xenstored is back the next request must go through and find
# the value written before the timeout (the stream stayed whole).
app     xswedge
timeout 60
action  on ^xswedge: stop xenstored now$ run p=$(cat /var/run/xen/xenstored.pid) && kill -STOP $p && (sleep 15; kill -CONT $p) >/dev/null 2>&1 & echo xenstored stopped
expect  poweroff
match   ^xswedge: xenstore answers: OK$
match   ^xswedge: 2000-byte write with xenstored stopped: ETIMEDOUT after (9\.[5-9]|1[01]\.[0-9]) s$
match   ^xswedge: a read queued behind it: ETIMEDOUT after (9\.[5-9]|1[01]\.[0-9]) s$
match   ^xswedge: after xenstored is back .*: read ok, the value written before the timeout$
match   ^xswedge: 1 stray replies$
match   ^xswedge: all good$
nomatch FAIL
xlmatch ^xenstored stopped$
