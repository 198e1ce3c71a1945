# `xl destroy` in the middle of a console flood loses no line the guest
# had written: every line up to the end arrives, in order and intact
# (only the one being written may be cut), and the domain is destroyed.
app     conflood
action  on ^flood: line 3000 run xl destroy $DOMID
expect  destroyed
timeout 60
verify  data/flood-intact.sh
match   ^flood: line 3000 check
