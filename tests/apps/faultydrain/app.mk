# Probes the kernel itself: internal headers and symbols (Makefile).
APP_INTERNALS = y
