# saveall: a channel, a vif (lwIP sockets) and a disk across saves.
APP_LIBC = y
APP_NET = y
