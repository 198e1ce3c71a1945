# The xenstore client and grant tables against the real xenstored and
# Xen: 4 threads' requests interleave and each gets its own reply
# (req_id); XS_ERROR replies come back as the errno they name; bad
# paths and small buffers fail before/after the wire, not by
# truncating; perms round-trip; contending transactions all commit
# (EAGAIN redone); a page granted read-only to dom0 is read there by
# tests/rig/gntcheck and matches the text the guest wrote, ending the
# grant is refused (EBUSY) while dom0 has it mapped and works after.
app     xstest
args    trace=boot
action  on ^xstest: grant: ref [0-9]+ of run gntcheck $DOMID "$(xenstore-read /local/domain/$DOMID/data/gnt-ref)" "$(xenstore-read /local/domain/$DOMID/data/gnt-text)" 2
expect  poweroff
match   ^xstest: 4 threads x 25 write\+read: 200 requests, 0 stray replies$
match   ^xstest: read missing key: ENOENT$
match   ^xstest: write to dom0's home: EACCES$
match   ^xstest: bad path: EINVAL$
match   ^xstest: value larger than the buffer: E2BIG$
match   ^xstest: directory data/xstest: 5 entries: t0 t1 t2 t3 dir$
match   ^xstest: perms of data/xstest/dir: n[1-9][0-9]* r0$
match   ^xstest: after rm: ENOENT$
match   ^xstest: 2 threads x 10 transactional increments: counter = 20$
match   ^xstest: unwatch during a callback: rc 0, callback ended first$
match   ^boot: gnttab: v1 table of 4 frames \(2048 refs\)
match   ^xstest: grant: 2048 refs, 2039 free after one grant$
match   ^xstest: grant: ref ([89]|[1-9][0-9]+) of a page holding 'pvmini grant page, [0-9]+ ns' ready$
match   ^xstest: grant: dom0 says 'match'$
match   ^xstest: grant: end access while mapped: EBUSY$
match   ^xstest: grant: end access after unmap: 0$
match   ^xstest: grant: end access again: EINVAL$
match   ^xstest: grant: 2040 free$
match   ^xstest: [0-9]+ requests, [0-9]+ replies, [0-9]+ watch events, 0 rejected$
match   ^xstest: all good$
nomatch FAIL
xlmatch ^gntcheck: domain [0-9]+ ref [0-9]+: 'pvmini grant page, [0-9]+ ns' matches$
xlmatch ^gntcheck: unmapped after 2 s$
xlmatch ^rig: action 1 exit 0$
