# BSD sockets over lwIP inside one guest, on its loopback interface
# (127.0.0.1) only: servers and clients are threads of tests/apps/nettest.
# The app checks each result itself and prints WRONG on any mismatch:
# POSIX errno values (ECONNREFUSED from a closed port, EADDRINUSE, EBADF,
# ENOTSOCK ...), fds from the shared table, socket options, stdio on a
# socket, SO_RCVTIMEO -> EAGAIN, poll/select readiness (sockets alone and
# mixed with the console), a peer's close and shutdown(SHUT_WR) seen by a
# blocked reader, UDP, 20 connections at once, 1 MiB each way with a
# checksum, and a make-believe Ethernet driver under pvnet.h (ARP, UDP
# both ways, ping; pvnet_host_ipv4 0 until it has its address, then
# that address, never loopback's).
app     nettest
timeout 120
expect  poweroff
match   ^errors: EBADF, ENOTSOCK, EAFNOSUPPORT, ENOTTY, ESPIPE, ENOTCONN, ECONNREFUSED, EADDRINUSE: as expected$
match   ^fds: the first socket is fd 3, and fd 3 again after close$
match   ^inet: pton, ntop, addr, aton, ntoa, htons: ok$
match   ^options: TCP_NODELAY 1, SO_KEEPALIVE 1, SO_TYPE stream, SO_ERROR 0, SO_SNDTIMEO 250000 us$
match   ^names: 127\.0\.0\.1:ephemeral -> 127\.0\.0\.1:7$
match   ^stdio: fprintf, fflush and fgets on a socket: hello 42$
match   ^timeouts: SO_RCVTIMEO 200 ms -> EAGAIN after 200\.\.2000 ms, O_NONBLOCK and MSG_DONTWAIT -> EAGAIN at once: yes$
match   ^readiness: poll timeout, POLLOUT, POLLIN, mixed set, select on accept and write, EBADF/POLLNVAL: yes$
match   ^closing: peer closes -> read 0; fd closed under a reader -> read -1 \(.*\): yes$
match   ^shutdown: SHUT_WR -> peer reads the data, then 0, and answers; send after it -> -1 \(.*\): yes$
match   ^udp: sendto/recvfrom with the sender's address, reply, boundaries kept, connect\+send: yes$
match   ^many: 20 connections open at once, 20 echoed 32 KiB intact$
match   ^bulk: 1 MiB each way through echo, checksum equal$
match   ^throughput: [0-9]+\.[0-9] MB/s one way \(8 MiB into the sink\), [0-9]+\.[0-9] MB/s echo
match   ^ether: ARP request, UDP out after the ARP reply, UDP in, ping answered \([0-9]+ frames sent\): yes$
match   ^nettest: 0 failure\(s\)$
nomatch WRONG
nomatch exit code
