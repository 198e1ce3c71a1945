# apps/httpd serving HTTP/1.1 over 127.0.0.1 to clients in the same domain
# (`httpd selftest`, apps/httpd/selftest*.c) until a netfront lets dom0
# reach it. The clients parse responses on their own and print WRONG on
# any mismatch: each embedded file's exact bytes (checked against
# apps/httpd/www/ by the verify script), HEAD, keep-alive and pipelining,
# Connection: close, HTTP/1.0, 400 for seven malformed heads (and the
# server serving after), 404, 405 with Allow, 501, 505, 413 for a 9004-
# byte head, 408 and the idle timeout, 10 MiB of /bytes/N checked byte by
# byte, a client resetting mid-transfer, 50 connections at once with more
# refused by 503, and the throughput figures.
app     httpd
args    -- selftest
timeout 240
expect  poweroff
match   ^httpd: port 80, at most 50 connections, idle timeout 15 s, drain 2 s, 8192-byte request heads$
match   ^httpd: serving on http://127\.0\.0\.1:80/ - loopback only
match   ^httpd: 127\.0\.0\.1:[0-9]+ "GET /index\.html" 200 [0-9]+ bytes [0-9]+\.[0-9] ms$
match   ^files: 5 of 5 files, / = /index\.html, HEAD = GET without body, one connection: ok$
match   ^keep-alive: 5 requests and 3 pipelined on one connection, Connection: close, HTTP/1\.0 closes: ok$
match   ^httpd: 127\.0\.0\.1:[0-9]+ "- -" 400 16 bytes
match   ^httpd: 127\.0\.0\.1:[0-9]+ "POST /index\.html" 405 
match   ^httpd: 127\.0\.0\.1:[0-9]+ "- -" 413 
match   ^errors: 400 x7, 404 x4, 405 x2 with Allow, 501, 505, 413 for 9004 bytes; closes after 400/413/505 and a body; serving after: ok$
match   ^httpd: 127\.0\.0\.1:[0-9]+ "- -" 408 
match   ^timeouts: half a head -> 408, idle connection closed, after [0-9]+ ms \(idle timeout 1000 ms\)$
match   ^bytes: /bytes/10485760 intact in [0-9]+ ms \([0-9]+\.[0-9] MB/s\), /bytes/0 and /bytes/1 too$
match   ^httpd: 127\.0\.0\.1:[0-9]+ "GET /bytes/1073741824" 200 [0-9]+ bytes [0-9.]+ ms, failed: 
match   ^reset: a client reset after 1 MiB of /bytes/1073741824; the server ended that connection and serves on$
match   ^httpd: 127\.0\.0\.1:[0-9]+ refused with 503: 50 connections are served already \(the bound\)$
match   ^many: 50 connections at once \(server peak 50\), 50 x 256 KiB intact in [0-9]+ ms; 3 more refused with 503; room again after one closed$
match   ^bench: GET /hello\.txt on one connection: [0-9]+ requests/s logged, [0-9]+ with log=0; a connection each: [0-9]+ requests/s; /bytes/67108864: [0-9]+\.[0-9] MB/s \(checked\)$
match   ^selftest: 0 failure\(s\)$
nomatch WRONG
nomatch exit code
verify  data/httpd-files.sh
