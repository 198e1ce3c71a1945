# What an app holds across xl save and xl restore (docs/suspend.md): a
# page granted to dom0 is granted again, same ref, to the page's new
# frame - dom0 (gntcheck) reads the same text through it before and
# after; pages ballooned in above the initial allocation are saved and
# restored with their contents (the p2m frame list covers them); the
# monotonic and the wall clock move together across the restore
# (data/save-clock.sh).
app      savetest
args     trace=suspend -- grant balloon 12
timeout  60
action   on ^savetest beat 2: run gntcheck $DOMID 8 'savetest grant page' 0 && rig-save
action   on ^savetest: resumed in a new domain run gntcheck $DOMID 8 'savetest grant page' 0
expect   poweroff
match    ^savetest: granted ref 8: 'savetest grant page'$
match    ^savetest: ballooned in [1-9][0-9]* pages, 0 bad words$
match    ^suspend: gnttab: 1 live grant\(s\) noted by pfn; the table's 4 frames unmapped$
match    ^suspend: back in a new domain
match    ^suspend: gnttab: 1 grant\(s\) given again$
match    ^savetest: resumed in a new domain after [0-9]+ beats$
match    ^savetest: [1-9][0-9]* ballooned pages, 0 bad words$
match    ^savetest: 12 beats, 1 restored, 0 checkpoint\(s\), 0 refused$
xlmatch  ^gntcheck: domain [0-9]+ ref 8: 'savetest grant page' matches$
xlmatch  ^rig: action 2 exit 0$
xlnomatch mismatch
verify   data/save-clock.sh
