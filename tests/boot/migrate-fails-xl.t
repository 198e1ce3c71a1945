# xl migrate (always live) needs log-dirty mode, which for a PV domain is
# shadow paging - and Debian 12's Xen is built without it. A migration to
# localhost must fail with the toolstack's own error before the guest is
# ever asked to suspend, and the guest run on unharmed: every beat comes.
app      heartbeat
args     trace=suspend -- 8
timeout  60
action   on ^heartbeat 2: run xl migrate -s "" $DOMID "xl migrate-receive"
expect   poweroff
match    ^heartbeat 8: 
match    ^heartbeat: 8 beats in (7\.9|8\.[0-2])[0-9]{2} s$
nomatch  ^suspend: 
nomatch  ^lifecycle: request
xlmatch  ^xc: error: Failed to enable logdirty
xlmatch  ^Migration failed, failed to suspend at sender\.$
xlmatch  ^rig: action 1 exit 1$
