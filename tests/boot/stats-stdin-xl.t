# Console input, event-driven: stats with no arguments reads stdin. Once
# its prompt is out, dom0 types a line and ^D into the guest's console
# pty; the keystrokes travel xenconsoled -> the console ring -> an event
# that wakes the blocked reader (no timer, no polling).
app     stats
action  on ^stats: type numbers run printf '3 1 4 1 5\r\004' >"$(xenstore-read /local/domain/$DOMID/console/tty)"
expect  poweroff
match   ^stats: type numbers, Enter, then \^D to finish$
match   ^3 1 4 1 5$
match   ^stats: 5 numbers from the console$
match   ^sorted: 1 1 3 4 5$
match   ^mean 2\.8 median 3 stddev 1\.6$
