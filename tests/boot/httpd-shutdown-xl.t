# `xl shutdown` of apps/httpd with connections in every state
# (`httpd selftest=shutdown`, apps/httpd/selftest_shutdown.c): the
# server's shutdown hook stops accepting (a connection tried then is
# refused), closes the idle and half-sent connections at once, lets the
# paused 2 MiB response finish whole, cuts the stalled 1 GiB one at the
# 2 s bound, and the domain powers off. The self-test's own hook runs
# after the drain and checks what each client saw.
app     httpd
args    -- selftest=shutdown
timeout 90
action  on ^selftest: shutdown: .*ready$ run xl shutdown $DOMID
expect  poweroff
match   ^selftest: shutdown: 4 connections open \(idle, half a head, in flight, stalled\): ready$
match   ^lifecycle: request 'poweroff' from the toolstack$
match   ^httpd: shutdown \(reason 0\): stopped accepting; 4 connection\(s\): 2 idle closed, 2 busy get 2000 ms to finish$
match   ^httpd: 127\.0\.0\.1:[0-9]+ "GET /bytes/2097152" 200 2097152 bytes [0-9.]+ ms$
match   ^httpd: 127\.0\.0\.1:[0-9]+ "GET /bytes/1073741824" 200 [0-9]+ bytes [0-9.]+ ms, failed: 
match   ^httpd: drained in [0-9]+ ms: 1 finished, 1 cut, 0 left; [0-9]+ requests served$
match   ^selftest: shutdown: idle and half-head connections closed at once, in-flight /bytes/2097152 whole and intact, stalled /bytes/1073741824 cut after [0-9]+ bytes, new connection refused: yes$
match   ^selftest: 0 failure\(s\)$
match   ^lifecycle: hooks done, shutting down with reason poweroff$
nomatch WRONG
nomatch exit code
xlmatch ^rig: action 1 exit 0$
