# heartbeat with a count of 3 under xl: three beats, each 1.000 s
# (+-20 ms of guest time) after the previous one, 3 s in all, then a
# poweroff. The
# date is printed but not checked (no host clock assertion).
app     heartbeat
args    -- 3
expect  poweroff
match   ^heartbeat 1: uptime [0-9]+\.[0-9]{3} s \(\+(0\.9[89]|1\.0[01])[0-9] s\), [0-9]{4}-[0-9]{2}-[0-9]{2} [0-9:]{8} UTC$
match   ^heartbeat 2: uptime [0-9]+\.[0-9]{3} s \(\+(0\.9[89]|1\.0[01])[0-9] s\), 
match   ^heartbeat 3: uptime [0-9]+\.[0-9]{3} s \(\+(0\.9[89]|1\.0[01])[0-9] s\), 
match   ^heartbeat: 3 beats in (2\.9[89]|3\.0[01])[0-9] s$
nomatch ^heartbeat 4
