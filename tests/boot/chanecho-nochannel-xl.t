# chanecho in a domain whose cfg has no channel: no console device to
# find, which the app hears as ENOENT and says so - and exits 1 (a crash
# shutdown), instead of waiting for a console that will never come.
app     chanecho
cfgfile data/no-channel.cfg
expect  crash
match   ^chanecho: cannot open the channel 'org.pvmini.echo': ENOENT \(the cfg needs channel = \[ "connection=pty,name=\.\.\." \]\)$
match   ^exit code 1$
nomatch ^chanecho: console [0-9]+ is
