# `xl pause` / `xl unpause` (2 s) of a heartbeat with a count of 6 do not
# break timekeeping: the guest clock keeps counting while paused (one gap
# of >= 1.5 s, verify), the beats stay in order and catch up with their
# absolute deadlines, so 6 beats still take 6 s of guest time.
app     heartbeat
args    -- 6
action  on ^heartbeat 2: run xl pause $DOMID && sleep 2 && xl unpause $DOMID
expect  poweroff
match   ^heartbeat 1: 
match   ^heartbeat 2: 
match   ^heartbeat 3: 
match   ^heartbeat 4: 
match   ^heartbeat 5: 
match   ^heartbeat 6: uptime [0-9]+\.[0-9]{3} s \(\+(0\.[89]|1\.[01])[0-9]{2} s\), 
match   ^heartbeat: 6 beats in (5\.9|6\.[0-2])[0-9]{2} s$
xlmatch ^rig: action 1 exit 0$
verify  data/pause-gap.sh
