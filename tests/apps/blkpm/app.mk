# blkpm runs the xenbus suspend hooks itself: it needs the internals.
APP_INTERNALS = y
