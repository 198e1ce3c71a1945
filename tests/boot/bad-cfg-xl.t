# A cfg xl cannot parse is reported as a toolstack error, not a hang.
app     hello
cfgfile data/garbage.cfg
expect  toolstack-error
