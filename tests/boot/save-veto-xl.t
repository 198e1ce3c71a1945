# An app may refuse a suspend (its suspend hook returns an error,
# docs/suspend.md): the request is then not acknowledged, libxl gives up
# after its 60 s and withdraws it, xl save fails cleanly - and the domain
# runs on untouched. savetest refuses only the first request: a second
# xl save later works, and the domain is restored from it.
app      savetest
args     trace=suspend -- veto 74
timeout  140
action   on ^savetest beat 2: run rig-save
action   on ^savetest beat 66: run rig-save
expect   poweroff
match    ^savetest: vetoing the suspend after [0-9]+ beats$
match    ^suspend: refused by app hook 'savetest' \(EBUSY\): not acknowledged, the toolstack will withdraw the request$
match    ^savetest beat 64: 
match    ^savetest: suspending after [0-9]+ beats$
match    ^suspend: done: restored in a new domain
match    ^savetest: 74 beats, 1 restored, 0 checkpoint\(s\), 1 refused$
nomatch  ^suspend: back in the same domain
xlmatch  guest didn't acknowledge suspend, cancelling request
xlmatch  ^Failed to save domain, resuming domain$
xlmatch  ^rig: xl save: [0-9.]+ s, exit 1$
xlmatch  ^rig: xl save: [0-9.]+ s, exit 0$
verify   data/save-clock.sh
