# Two threads open two channels at the same time: each open blocks in
# xenstore while the other runs, and each gets an fd of its own that
# reaches its own channel. (chan_open used to pick its fd slot before
# the blocking open: both threads got fd 3.)
app      chanpair
dom0file data/chanpair-peer.sh
dom0file data/channel.sh
action   on ^chanpair: ready run sh $FILES/chanpair-peer.sh
expect   poweroff
match    ^chanpair: a on fd 3, b on fd 4$
match    ^chanpair: fd 3 answered 'a'$
match    ^chanpair: fd 4 answered 'b'$
match    ^chanpair: closed, all good$
nomatch  FAIL
xlmatch  ^peer: all good$
xlmatch  ^rig: action 1 exit 0$
