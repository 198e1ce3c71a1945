# apps/httpd with its own cfg (a vif on xenbr0, ip=192.0.2.80): the vif
# is there (device/vif in xenstore), but pvmini has no netfront driver
# yet, so no interface besides loopback gets an address. httpd waits the
# 2 s asked (wait=2), says so and stops: `make run APP=httpd` does not
# hang. Once a netfront attaches the vif, this test becomes the one
# that fetches from dom0 with wget.
app     httpd
args    -- wait=2
expect  crash
match   ^httpd: no network: the cfg gives this domain 1 vif\(s\), but no interface other than loopback came up with an address within 2 s
match   ^exit code 1$
nomatch ^httpd: serving on
