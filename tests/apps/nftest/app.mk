# Probes the kernel itself: internal headers and symbols (Makefile): it
# plays a hostile backend by writing into a vif's shared rings.
APP_INTERNALS = y
