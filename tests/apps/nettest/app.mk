# nettest links newlib and the TCP/IP stack (lwIP, BSD sockets).
APP_LIBC = y
APP_NET = y
