# A channel is there but under another name: listed, not opened (ENOENT).
app     chanecho
args    -- org.pvmini.nosuch
expect  crash
match   ^chanecho: console 1 is 'org.pvmini.echo'$
match   ^chanecho: cannot open the channel 'org.pvmini.nosuch': ENOENT
match   ^exit code 1$
nomatch ^dev: |ready on
nomatch ^console devices: none
