# chanecho-xl.t's channel under libvirt. build/chanecho.xml has the cfg's
# channel as <channel type='pty'><target type='xen' name='...'/> but not
# the cfg's placeholder (apps/cfg2xml.awk: libvirt lets libxl number
# channels from 1, which xl 4.17 does not), so the guest sees the same
# devices as under xl: console 1 is org.pvmini.echo. QEMU backs it, and
# the same dom0 peer script makes the same round trip, 60 KB out and
# 20 KB in, then quits. `virsh dumpxml` names the channel's pty: the one
# in xenstore that the peer uses.
app      chanecho
mode     libvirt
args     trace=boot,devices
dom0file data/chanecho-peer.sh
dom0file data/channel.sh
action   on ^chanecho: ready run sh $FILES/chanecho-peer.sh
action   on ^chanecho: ready run echo "dumpxml: $(virsh -c xen:///system dumpxml $NAME | tr -d '\n' | sed -n "s|.*<channel type='pty'> *<source path='\([^']*\)'/> *<target type='xen' name='org.pvmini.echo'/>.*|\1|p"), xenstore: $(xenstore-read /local/domain/$DOMID/device/console/1/tty)"
expect   poweroff
match    ^boot: consoles: 1 further console device\(s\) in device/console: 1 'org.pvmini.echo' \(connected when an app opens one\)$
match    ^chanecho: ready on console 1 \(org.pvmini.echo\)$
match    ^chanecho: sent 3000 lines$
match    ^chanecho: counted 400 lines, 20800 bytes, 0 out of order$
match    ^chanecho: channel closed$
nomatch  broke the ring|still maps
xlmatch  ^peer: got 3000 0 \(lines, wrong ones\)$
xlmatch  ^peer: all good$
xlmatch  ^dumpxml: (/dev/pts/[0-9]+), xenstore: \1$
xlmatch  for domain 'pvmini-chanecho': Stopped Shutdown$
