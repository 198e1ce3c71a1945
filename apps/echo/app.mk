# echo links newlib and the TCP/IP stack (lwIP, BSD sockets) over the
# domain's vifs (netfront).
APP_LIBC = y
APP_NET = y
