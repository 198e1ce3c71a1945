# Trips a kernel ASSERT: needs the internal header lib/assert.h (Makefile).
APP_INTERNALS = y
