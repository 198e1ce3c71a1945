/*
 * ttyrelay - joins two ttys in dom0, byte for byte, both ways: the
 * rig's second serial port (/dev/ttyS1, a Unix socket on the host) and
 * the pty of a guest's channel (the gdb stub's), so that a gdb on the
 * host reaches the stub:
 *
 *   ttyrelay SERIAL PTY
 *
 * Both are put in raw mode (no echo, no line editing, no CR/LF
 * translation, 8 bits). It ends when the pty hangs up (the guest and
 * its QEMU are gone) and then discards what the host sent that nobody
 * read, so that the next guest does not get it (also when it is ended
 * with SIGTERM). Exit: 0 the pty hung up or TERM, 2 usage or an error. Built by
 * tests/rig/setup with the host's gcc and added to the rig's dom0 initramfs.
 */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

static int open_raw(const char *path)
{
	struct termios t;
	int fd = open(path, O_RDWR | O_NOCTTY);

	if (fd < 0) {
		fprintf(stderr, "ttyrelay: %s: %s\n", path, strerror(errno));
		return -1;
	}
	if (tcgetattr(fd, &t) == 0) {
		cfmakeraw(&t);
		cfsetispeed(&t, B115200);
		cfsetospeed(&t, B115200);
		t.c_cc[VMIN] = 1;
		t.c_cc[VTIME] = 0;
		tcsetattr(fd, TCSANOW, &t);
	}
	return fd;
}

/* Copies what is there; 0 at end of file or hang-up, -1 on an error. */
static ssize_t pump(int from, int to)
{
	char buf[4096];
	ssize_t n = read(from, buf, sizeof(buf));

	if (n < 0)
		return errno == EINTR || errno == EAGAIN ? 1 : -1;
	for (ssize_t done = 0, k; done < n; done += k) {
		k = write(to, buf + done, n - done);
		if (k < 0 && errno == EINTR)
			k = 0;
		else if (k < 0)
			return -1;
	}
	return n;
}

static volatile sig_atomic_t stop;

static void on_term(int sig)
{
	(void)sig;
	stop = 1;
}

int main(int argc, char **argv)
{
	struct sigaction sa = { .sa_handler = on_term }; /* no SA_RESTART */
	struct pollfd p[2] = { { .events = POLLIN }, { .events = POLLIN } };
	int serial, pty, rc = 0;

	if (argc != 3) {
		fprintf(stderr, "usage: ttyrelay SERIAL PTY\n");
		return 2;
	}
	serial = open_raw(argv[1]);
	pty = open_raw(argv[2]);
	if (serial < 0 || pty < 0)
		return 2;
	p[0].fd = serial;
	p[1].fd = pty;
	sigaction(SIGTERM, &sa, NULL);
	while (!stop) {
		if (poll(p, 2, -1) < 0) {
			if (errno == EINTR)
				continue;
			rc = 2;
			break;
		}
		if (p[1].revents & (POLLIN | POLLHUP | POLLERR)) {
			/* The pty's master closes with the guest: EIO. */
			if (pump(pty, serial) <= 0)
				break;
		}
		if (p[0].revents & POLLIN) {
			if (pump(serial, pty) < 0) {
				rc = 2;
				break;
			}
		}
	}
	tcflush(serial, TCIFLUSH);
	return rc;
}
