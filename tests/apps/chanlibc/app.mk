# chanlibc links newlib (stdio on a channel).
APP_LIBC = y
