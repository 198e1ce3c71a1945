# apps/httpd started with no vif (its cfg's vif line overridden): it has
# nothing to serve on, says so and how to fix it, and stops with exit
# code 1 instead of running unreachable - `make run APP=httpd` on a
# cfg without a vif ends with this message.
app     httpd
cfg     vif=[]
expect  crash
match   ^httpd: no network: this domain has no vif\. Give its cfg one, e\.g\. vif = \[ 'bridge=xenbr0,ip=192\.0\.2\.80' \]
match   ^exit code 1$
nomatch ^httpd: serving on
