# xl dump-core reads the guest's p2m through the frame list it publishes
# in shared_info->arch (docs/memory.md): the core must be an ELF core
# readelf (and file) accept, with one page for every page the guest has
# - its allocation and the pages it ballooned in above it, which the
# toolstack finds only through the list (data/core-check.sh). Before the
# list existed: "xc: error: p2m_size < nr_pages -1 (1 < ...)".
app      savetest
args     -- balloon 10
dom0file data/dump-core.sh
action   on ^savetest: ready run sh $FILES/dump-core.sh
expect   poweroff
match    ^savetest: ballooned in [1-9][0-9]* pages, 0 bad words$
match    ^savetest: ready$
xlmatch  ^core: dump-core exit 0$
xlmatch  ^rig: action 1 exit 0$
verify   data/core-check.sh
