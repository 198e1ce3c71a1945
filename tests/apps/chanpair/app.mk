# chanpair links newlib (open/read/write on channels).
APP_LIBC = y
