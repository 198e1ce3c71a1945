# A channel (cfg channel=, a PV console device backed by QEMU in dom0):
# the guest finds it by name and connects it (the xenbus handshake, each
# step under trace=devices); dom0's peer script talks to it through the
# pty QEMU gives it - a round trip, 60 KB out and 20 KB in (each more
# than its ring holds) - and asks it to quit, which closes the channel.
app      chanecho
args     trace=boot,devices
dom0file data/chanecho-peer.sh
dom0file data/channel.sh
action   on ^chanecho: ready run sh $FILES/chanecho-peer.sh
expect   poweroff
match    ^boot: consoles: 1 further console device\(s\) in device/console: 1 'org.pvmini.echo' \(connected when an app opens one\)$
match    ^chanecho: console 1 is 'org.pvmini.echo'$
match    ^dev: console 1: ring granted to dom0 \(ref [0-9]+\), event channel [0-9]+; Initialised$
match    ^dev: console 1 \(org.pvmini.echo\): backend Connected; Connected$
match    ^chanecho: ready on console 1 \(org.pvmini.echo\)$
match    ^chanecho: got 'ping one'$
match    ^chanecho: sent 3000 lines$
match    ^chanecho: counted 400 lines, 20800 bytes, 0 out of order$
match    ^chanecho: got 'quit'$
match    ^dev: console 1: Closed \(backend state 6\)$
match    ^dev: console 1: closed: [0-9]{5,} byte\(s\) out, [0-9]{5,} in; [1-9][0-9]* event\(s\) from the backend, [1-9][0-9]* to it$
match    ^chanecho: channel closed$
nomatch  broke the ring|still maps
xlmatch  ^peer: got 'echo: ping one'$
xlmatch  ^peer: got 3000 0 \(lines, wrong ones\)$
xlmatch  ^peer: all good$
xlmatch  ^rig: action 1 exit 0$
