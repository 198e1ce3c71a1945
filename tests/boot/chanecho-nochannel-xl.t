# chanecho in a domain whose cfg has no channel: no console device to
# find: the kernel says why that may be, the app hears ENOENT and says
# so - and exits 1 (a crash shutdown) instead of waiting for a console
# that will never come.
app     chanecho
cfgfile data/no-channel.cfg
args    trace=boot
expect  crash
match   ^boot: consoles: 0 further console device\(s\) in device/console$
match   ^console devices: none in xenstore \(the cfg needs a channel=; Xen 4.17's xl drops the first one listed, see docs/consoles.md\)$
match   ^chanecho: cannot open the channel 'org.pvmini.echo': ENOENT$
match   ^exit code 1$
nomatch ^chanecho: console [0-9]+ is
