# blkhostile plays a hostile backend on blkfront's own ring: it needs
# the driver's internals.
APP_INTERNALS = y
