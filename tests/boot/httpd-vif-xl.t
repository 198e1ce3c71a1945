# apps/httpd with its own cfg (a vif on xenbr0, ip=192.0.2.80), reached
# from dom0 with busybox wget as a user would (data/httpd-wget.sh): the
# index page arrives byte for byte (its sha256 is apps/httpd/www/
# index.html's, checked by verify), a missing page is refused (404), 1 MiB
# of /bytes/N follows its pattern, each request is logged, and
# `xl shutdown` powers the domain off.
app     httpd
dom0file data/httpd-wget.sh
action  on ^httpd: serving on http://192\.0\.2\.80:80/ run sh $FILES/httpd-wget.sh
timeout 90
expect  poweroff
match   ^httpd: serving on http://192\.0\.2\.80:80/ - from dom0: wget
match   ^httpd: 192\.0\.2\.1:[0-9]+ "GET /" 200 
match   ^httpd: 192\.0\.2\.1:[0-9]+ "GET /no-such-page" 404 
match   ^httpd: 192\.0\.2\.1:[0-9]+ "GET /bytes/1048576" 200 1048576 bytes
match   ^lifecycle: request 'poweroff' from the toolstack$
xlmatch ^wget: / [0-9]+ bytes sha256 [0-9a-f]{64}$
xlmatch ^wget: /no-such-page refused$
xlmatch ^wget: /bytes/1048576 65536 lines, 0 wrong$
verify  data/httpd-wget-check.sh
