# A channel through newlib: open("/dev/channel/NAME"), fgets on an
# fdopen'd stream, dprintf answers, fclose disconnects; open() of a
# channel that is not there is ENOENT, of an open one EBUSY.
app      chanlibc
args     trace=devices
dom0file data/chanlibc-peer.sh
dom0file data/channel.sh
action   on ^chanlibc: ready run sh $FILES/chanlibc-peer.sh
expect   poweroff
match    ^dev: console 1 \(org.pvmini.libc\): backend Connected; Connected$
match    ^chanlibc: ready on fd 3$
match    ^chanlibc: got 'hello there'$
match    ^chanlibc: got 'x'$
match    ^chanlibc: got 'quit'$
match    ^dev: console 1: Closed \(backend state 6\)$
match    ^chanlibc: closed, all good$
nomatch  FAIL
xlmatch  ^peer: got '11 HELLO THERE'$
xlmatch  ^peer: all good$
xlmatch  ^rig: action 1 exit 0$
