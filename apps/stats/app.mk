# stats links newlib (libc + libm).
APP_LIBC = y
