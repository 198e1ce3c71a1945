# heartbeat with a count of 3 under xl: three beats about a second of
# guest time apart (0.8-1.2 s: a loaded host may wake a beat late, but
# beats follow absolute deadlines, so lateness does not add up), about
# 3 s in all, then a poweroff. The date is printed but not checked.
app     heartbeat
args    -- 3
expect  poweroff
match   ^heartbeat 1: uptime [0-9]+\.[0-9]{3} s \(\+(0\.[89]|1\.[01])[0-9]{2} s\), [0-9]{4}-[0-9]{2}-[0-9]{2} [0-9:]{8} UTC$
match   ^heartbeat 2: uptime [0-9]+\.[0-9]{3} s \(\+(0\.[89]|1\.[01])[0-9]{2} s\), 
match   ^heartbeat 3: uptime [0-9]+\.[0-9]{3} s \(\+(0\.[89]|1\.[01])[0-9]{2} s\), 
match   ^heartbeat: 3 beats in (2\.9|3\.[0-2])[0-9]{2} s$
nomatch ^heartbeat 4
