# The channel of chanecho-xl.t on a Unix socket (connection=socket): the
# guest's side is the same device; in dom0 the peer reaches it through
# the socket QEMU listens on (unixcat), with the same exchange - 60 KB
# out, 20 KB in - and then a reopen: the guest closes the device and runs
# the handshake again, and the channel still carries data both ways.
app      chanecho
cfgfile  data/chanecho-socket.cfg
dom0file data/chanecho-peer.sh
dom0file data/channel.sh
action   on ^chanecho: ready run sh $FILES/chanecho-peer.sh reopen
expect   poweroff
match    ^chanecho: ready on console 1 \(org.pvmini.echo\)$
match    ^chanecho: sent 3000 lines$
match    ^chanecho: counted 400 lines, 20800 bytes, 0 out of order$
match    ^chanecho: closed and reopened console 1: ok$
match    ^chanecho: got 'ping two'$
match    ^chanecho: channel closed$
xlmatch  ^peer: org.pvmini.echo is the socket /tmp/pvmini-echo.sock$
xlmatch  ^peer: got 3000 0 \(lines, wrong ones\)$
xlmatch  ^peer: got 'echo: ping two'$
xlmatch  ^peer: all good$
