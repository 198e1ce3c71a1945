# No disk= line at all: blkinfo says there is none.
app     blkinfo
cfgfile data/blkinfo-nodisk.cfg
expect  poweroff
match   ^blkinfo: 0 disk\(s\)$
match   ^blkinfo: add disk=\[...\] to the cfg to get one$
