# A channel (a console device, QEMU its backend) across xl save and
# xl restore: a round trip before; then the restored domain's device
# reconnects through the frontend layer to the new QEMU - same ring and
# ref (given again to the new frame), a new event channel - and the
# channel carries a round trip, 60 KB out and 20 KB in (each more than
# its ring holds), and closes cleanly. The peer (data/chanecho-save-peer.sh)
# finds the new pty through the new domain's xenstore.
app      chanecho
args     trace=suspend,devices
timeout  60
dom0file data/chanecho-save-peer.sh
dom0file data/channel.sh
action   on ^chanecho: ready run sh $FILES/chanecho-save-peer.sh before
action   on ^suspend: done: restored run sh $FILES/chanecho-save-peer.sh after
expect   poweroff
match    ^chanecho: got 'ping before'$
match    ^suspend: console 1: parked; 0 byte\(s\) of output left in the ring$
match    ^suspend: console 1: no longer following backend /local/domain/0/backend/console/[0-9]+/1$
match    ^suspend: gnttab: 1 live grant\(s\) noted by pfn; the table's 4 frames unmapped$
match    ^suspend: back in a new domain
match    ^suspend: gnttab: 1 grant\(s\) given again$
match    ^suspend: console 1: new backend /local/domain/0/backend/console/[0-9]+/1 \(dom0\); same rings and refs, new event channel\(s\)$
match    ^dev: console 1: ring granted to dom0 \(ref 8\), event channel [0-9]+; Initialised$
match    ^dev: console 1 \(org.pvmini.echo\): backend Connected; Connected$
match    ^suspend: done: restored in a new domain
match    ^chanecho: got 'ping after'$
match    ^chanecho: sent 3000 lines$
match    ^chanecho: counted 400 lines, 20800 bytes, 0 out of order$
match    ^chanecho: got 'quit'$
match    ^dev: console 1: Closed \(backend state 6\)$
match    ^chanecho: channel closed$
nomatch  broke the ring|still maps|no connection in the new domain|writing to the channel
xlmatch  ^peer: got 'echo: ping before'$
xlmatch  ^rig: xl save: [0-9.]+ s, exit 0$
xlmatch  ^rig: xl restore: [0-9.]+ s, exit 0$
xlmatch  ^peer: got 'echo: ping after'$
xlmatch  ^peer: got 3000 0 \(lines, wrong ones\)$
xlmatch  ^peer: all good \(after\)$
