# kvstore: a persistent key-value store on a disk, served over TCP
# (docs/blk.md, "kvstore"): newlib, sockets, /dev/xvda.
APP_LIBC = y
APP_NET = y
