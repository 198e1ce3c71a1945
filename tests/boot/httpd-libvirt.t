# apps/httpd under libvirt, reached from dom0 over its vif: the XML is
# made from httpd's cfg with an ip= of three words, ADDR NETMASK GATEWAY
# (apps/cfg2xml: three <ip address> elements, which libvirt's libxl
# driver joins into the vif's "ip" key). The guest takes all three (the
# /25 is no class default, so the netmask word arrived), dom0's wget gets
# the index page byte for byte (verify), and `virsh shutdown` powers the
# domain off.
app     httpd
mode    libvirt
cfg     vif=['bridge=xenbr0,mac=00:16:3e:00:00:50,ip=192.0.2.80 255.255.255.128 192.0.2.1']
action  on ^httpd: serving on http://192\.0\.2\.80:80/ run echo "vif ip key: $(xenstore-read backend/vif/$DOMID/0/ip)"; timeout 30 wget -q -O /tmp/hl.html http://192.0.2.80/ && echo "wget: / $(wc -c </tmp/hl.html) bytes sha256 $(sha256sum </tmp/hl.html | cut -c1-64)"; rm -f /tmp/hl.html; virsh -c xen:///system shutdown $NAME
timeout 60
expect  poweroff
match   ^net: vif 0 \(00:16:3e:00:00:50, mtu 1500\): 192\.0\.2\.80/25, gateway 192\.0\.2\.1, from ip= in the cfg$
match   ^httpd: 192\.0\.2\.1:[0-9]+ "GET /" 200 
match   ^lifecycle: request 'poweroff' from the toolstack$
xlmatch ^vif ip key: 192\.0\.2\.80 255\.255\.255\.128 192\.0\.2\.1$
xlmatch ^wget: / [0-9]+ bytes sha256 [0-9a-f]{64}$
xlmatch for domain 'pvmini-httpd': Stopped Shutdown$
xlmatch ^rig: Xen's shutdown reason code: 0$
verify  data/httpd-wget-check.sh
