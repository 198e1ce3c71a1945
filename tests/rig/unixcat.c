/*
 * unixcat - the dom0 end of a channel with connection=socket: QEMU
 * listens on the cfg's Unix socket path; this connects to it and copies
 * stdin to the socket and the socket to stdout, until the socket closes
 * (stdin's end only half-closes it, so replies still come back):
 *
 *   unixcat PATH
 *
 * Exit: 0 the socket closed, 2 usage, no socket within 5 s, or an error.
 * Busybox's nc has no Unix sockets, hence this; built by tests/rig/setup
 * with the host's gcc and added to the rig's dom0 initramfs.
 */
#include <errno.h>
#include <poll.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

static int connect_to(const char *path)
{
	struct sockaddr_un sa = { .sun_family = AF_UNIX };

	if (strlen(path) >= sizeof(sa.sun_path)) {
		fprintf(stderr, "unixcat: path too long: %s\n", path);
		return -1;
	}
	strcpy(sa.sun_path, path);
	/* The listener may still be on its way up: retry for 5 s. */
	for (int i = 0; i < 50; i++) {
		int fd = socket(AF_UNIX, SOCK_STREAM, 0);

		if (fd < 0)
			break;
		if (!connect(fd, (struct sockaddr *)&sa, sizeof(sa)))
			return fd;
		close(fd);
		usleep(100000);
	}
	fprintf(stderr, "unixcat: cannot connect to %s: %s\n", path,
		strerror(errno));
	return -1;
}

/* Copies what is there from `from` to `to`; 0 at end of file. */
static ssize_t pump(int from, int to)
{
	char buf[4096];
	ssize_t n = read(from, buf, sizeof(buf));

	for (ssize_t done = 0, k; n > 0 && done < n; done += k) {
		k = write(to, buf + done, n - done);
		if (k < 0)
			return -1;
	}
	return n;
}

int main(int argc, char **argv)
{
	struct pollfd p[2] = { { .fd = 0, .events = POLLIN },
			       { .events = POLLIN } };
	int s;

	if (argc != 2) {
		fprintf(stderr, "usage: unixcat PATH\n");
		return 2;
	}
	s = connect_to(argv[1]);
	if (s < 0)
		return 2;
	p[1].fd = s;
	for (;;) {
		if (poll(p, 2, -1) < 0 && errno != EINTR)
			return 2;
		if (p[1].revents) {
			ssize_t n = pump(s, 1);

			if (n <= 0)
				return n < 0 ? 2 : 0;
		}
		if (p[0].revents) {
			ssize_t n = pump(0, s);

			if (n < 0)
				return 2;
			if (n == 0) { /* stdin done: half-close, keep reading */
				shutdown(s, SHUT_WR);
				p[0].fd = -1;
			}
		}
	}
}
