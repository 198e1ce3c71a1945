# newlib: stdio at the edge of the stack limit.
APP_LIBC = y
