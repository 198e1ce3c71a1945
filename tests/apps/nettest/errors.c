/*
 * errors.c - the errno values a POSIX program expects, the fd numbers
 * sockets get, address text, socket options and stdio on a socket.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/tcp.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <unistd.h>

#include "nettest.h"

/* The call failed with errno want. */
static bool failed_with(long rc, int want, const char *what)
{
	char text[96];

	snprintf(text, sizeof(text), "%s: -1 with %s expected", what,
		 strerror(want));
	return check(rc == -1 && errno == want, text);
}

static void check_inet(void)
{
	struct in_addr a;
	uint8_t b[4];
	char text[INET_ADDRSTRLEN];
	bool ok = true;

	ok &= check(inet_pton(AF_INET, "127.0.0.1", b) == 1 && b[0] == 127 &&
			    b[3] == 1,
		    "inet_pton 127.0.0.1");
	ok &= check(inet_pton(AF_INET, "1.2.3", b) == 0, "inet_pton 1.2.3");
	ok &= check(inet_pton(AF_INET, "1.2.3.256", b) == 0,
		    "inet_pton 1.2.3.256");
	ok &= failed_with(inet_pton(99, "1.2.3.4", b), EAFNOSUPPORT,
			  "inet_pton af 99");
	b[0] = 192, b[1] = 168, b[2] = 0, b[3] = 77;
	ok &= check(inet_ntop(AF_INET, b, text, sizeof(text)) == text &&
			    !strcmp(text, "192.168.0.77"),
		    "inet_ntop 192.168.0.77");
	ok &= check(!inet_ntop(AF_INET, b, text, 8) && errno == ENOSPC,
		    "inet_ntop into 8 bytes: ENOSPC");
	ok &= check(inet_addr("10.1") == htonl(0x0a000001), "inet_addr 10.1");
	ok &= check(inet_addr("nonsense") == INADDR_NONE, "inet_addr nonsense");
	ok &= check(inet_aton("0x7f.1", &a) == 1 &&
			    !strcmp(inet_ntoa(a), "127.0.0.1"),
		    "inet_aton 0x7f.1");
	ok &= check(htons(0x1234) == 0x3412 && ntohl(htonl(7)) == 7, "htons");
	printf("inet: pton, ntop, addr, aton, ntoa, htons: %s\n",
	       ok ? "ok" : "WRONG");
}

void check_errors(void)
{
	struct sockaddr_in a = loopback(1);
	struct stat st;
	char c;
	int fd, again, b1, b2;
	bool ok = true;

	ok &= failed_with(read(40, &c, 1), EBADF, "read(40)");
	ok &= failed_with(close(40), EBADF, "close(40)");
	ok &= failed_with(send(1, "x", 1, 0), ENOTSOCK, "send to stdout");
	ok &= failed_with(listen(0, 1), ENOTSOCK, "listen on stdin");
	ok &= failed_with(accept(-1, NULL, NULL), EBADF, "accept(-1)");
	ok &= failed_with(socket(1 /* AF_UNIX */, SOCK_STREAM, 0), EAFNOSUPPORT,
			  "socket(AF_UNIX)");

	/* The lowest free fd, and the same again once it is closed. */
	fd = socket(AF_INET, SOCK_STREAM, 0);
	ok &= check(fd == 3, "the first socket is fd 3");
	ok &= check(!fstat(fd, &st) && S_ISSOCK(st.st_mode), "S_ISSOCK");
	ok &= check(!isatty(fd) && errno == ENOTTY, "isatty: ENOTTY");
	ok &= failed_with(lseek(fd, 0, SEEK_SET), ESPIPE, "lseek");
	ok &= failed_with(recv(fd, &c, 1, 0), ENOTCONN, "recv unconnected");
	/* Nothing listens on port 1: the peer answers the SYN with RST. */
	ok &= failed_with(connect(fd, (struct sockaddr *)&a, sizeof(a)),
			  ECONNREFUSED, "connect to port 1");
	ok &= check(!close(fd), "close");
	ok &= failed_with(close(fd), EBADF, "close twice");
	ok &= failed_with(read(fd, &c, 1), EBADF, "read after close");
	again = socket(AF_INET, SOCK_STREAM, 0);
	ok &= check(again == 3, "fd 3 again after close");

	/* Two sockets on one port, no SO_REUSEADDR. */
	a = loopback(4000);
	b1 = again;
	b2 = socket(AF_INET, SOCK_STREAM, 0);
	ok &= check(!bind(b1, (struct sockaddr *)&a, sizeof(a)) &&
			    !listen(b1, 1),
		    "bind port 4000");
	ok &= failed_with(bind(b2, (struct sockaddr *)&a, sizeof(a)),
			  EADDRINUSE, "bind port 4000 again");
	close(b1);
	close(b2);
	printf("errors: EBADF, ENOTSOCK, EAFNOSUPPORT, ENOTTY, ESPIPE, "
	       "ENOTCONN, ECONNREFUSED, EADDRINUSE: %s\n",
	       ok ? "as expected" : "WRONG");
	printf("fds: the first socket is fd %d, and fd %d again after close\n",
	       fd, again);
	check_inet();
}

static int get_int(int fd, int level, int name)
{
	int v = -1;
	socklen_t len = sizeof(v);

	return getsockopt(fd, level, name, &v, &len) || len != sizeof(v) ? -1
									 : v;
}

static void check_stdio(void)
{
	int fd = dial(ECHO_PORT);
	FILE *f = fd < 0 ? NULL : fdopen(fd, "r+");
	char line[32] = "";

	if (!check(f != NULL, "fdopen on a socket"))
		return;
	fprintf(f, "hello %d\n", 42);
	fflush(f);
	check(fgets(line, sizeof(line), f) && !strcmp(line, "hello 42\n"),
	      "fgets the echo");
	check(!fclose(f), "fclose");
	printf("stdio: fprintf, fflush and fgets on a socket: %s", line);
}

void check_options(void)
{
	int fd = dial(ECHO_PORT), one = 1;
	struct timeval tv = { 0, 250000 }, got = { 0, 0 };
	struct sockaddr_in me, peer;
	socklen_t len = sizeof(got), mlen = sizeof(me), plen = sizeof(peer);
	char mine[INET_ADDRSTRLEN] = "?", theirs[INET_ADDRSTRLEN] = "?";

	if (fd < 0)
		return;
	check(!setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one)),
	      "set TCP_NODELAY");
	check(!setsockopt(fd, SOL_SOCKET, SO_KEEPALIVE, &one, sizeof(one)),
	      "set SO_KEEPALIVE");
	check(get_int(fd, IPPROTO_TCP, TCP_NODELAY) == 1 &&
		      get_int(fd, SOL_SOCKET, SO_KEEPALIVE) == 1,
	      "boolean options read back as 1");
	check(!setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof(tv)),
	      "set SO_SNDTIMEO");
	check(!getsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &got, &len) &&
		      got.tv_sec == 0 && got.tv_usec == 250000,
	      "SO_SNDTIMEO reads back");
	check(!getsockname(fd, (struct sockaddr *)&me, &mlen) &&
		      me.sin_family == AF_INET && me.sin_port != 0,
	      "getsockname");
	check(!getpeername(fd, (struct sockaddr *)&peer, &plen) &&
		      peer.sin_port == htons(ECHO_PORT),
	      "getpeername");
	inet_ntop(AF_INET, &me.sin_addr, mine, sizeof(mine));
	inet_ntop(AF_INET, &peer.sin_addr, theirs, sizeof(theirs));
	printf("options: TCP_NODELAY %d, SO_KEEPALIVE %d, SO_TYPE %s, "
	       "SO_ERROR %d, SO_SNDTIMEO %ld us\n",
	       get_int(fd, IPPROTO_TCP, TCP_NODELAY),
	       get_int(fd, SOL_SOCKET, SO_KEEPALIVE),
	       get_int(fd, SOL_SOCKET, SO_TYPE) == SOCK_STREAM ? "stream"
							       : "WRONG",
	       get_int(fd, SOL_SOCKET, SO_ERROR), (long)got.tv_usec);
	printf("names: %s:%s -> %s:%u\n", mine, me.sin_port ? "ephemeral" : "0",
	       theirs, ntohs(peer.sin_port));
	close(fd);
	check_stdio();
}
