# What `make run APP=httpd` does (Makefile: xl-run -A with the app's
# httpd.actions): apps/httpd with its own cfg announces how dom0 reaches
# it, dom0 runs that very wget and gets the index page, then 1 MiB of
# /bytes, and ends the guest with xl shutdown - a clean poweroff, not
# the run's timeout.
app     httpd
actions apps/httpd/httpd.actions
timeout 60
expect  poweroff
match   ^httpd: serving on http://192\.0\.2\.80:80/ - from dom0: wget -O- http://192\.0\.2\.80/$
match   ^httpd: 192\.0\.2\.1:[0-9]+ "GET /" 200 [0-9]+ bytes
match   ^httpd: 192\.0\.2\.1:[0-9]+ "GET /bytes/1048576" 200 1048576 bytes
match   ^httpd: drained in
xlmatch ^wget -O- http://192\.0\.2\.80/$
xlmatch ^<title>pvmini httpd</title>$
xlmatch ^wget: exit 0$
xlmatch ^wget -O- http://192\.0\.2\.80/bytes/1048576 \| wc -c: 1048576$
xlmatch ^rig: action 1 exit 0$
