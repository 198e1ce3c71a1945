/*
 * ptyrun - run a command on a fresh pseudo-terminal, as its controlling
 * tty, and copy what it writes there to stdout (stdin goes the other way,
 * until its end):
 *
 *   ptyrun CMD [ARG]...
 *
 * `virsh console` refuses to run without a tty ("Cannot run interactive
 * console without a controlling TTY"), and the rig's dom0 has none: its
 * actions run with stdin on /dev/null and stdout in a log.  Busybox has no
 * `script`, hence this; built by tests/rig/setup with the host's gcc and
 * put into the rig's libvirt archive.
 *
 * Exit: the command's status (128 + N if signal N ended it), 2 for usage
 * or when no pty could be made.
 */
#define _XOPEN_SOURCE 600
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/ioctl.h>
#include <sys/wait.h>
#include <termios.h>
#include <unistd.h>

static int open_master(char **slave)
{
	int fd = posix_openpt(O_RDWR | O_NOCTTY);

	if (fd < 0 || grantpt(fd) || unlockpt(fd) || !(*slave = ptsname(fd))) {
		perror("ptyrun: pty");
		return -1;
	}
	return fd;
}

/* In the child: a session of its own, the slave as its terminal. */
static void run_child(const char *slave, char **argv)
{
	int fd;

	setsid();
	fd = open(slave, O_RDWR);
	if (fd < 0 || ioctl(fd, TIOCSCTTY, 0)) {
		perror("ptyrun: slave");
		_exit(2);
	}
	dup2(fd, 0);
	dup2(fd, 1);
	dup2(fd, 2);
	if (fd > 2)
		close(fd);
	execvp(argv[0], argv);
	perror("ptyrun: exec");
	_exit(127);
}

static int write_all(int fd, const char *p, ssize_t n)
{
	while (n > 0) {
		ssize_t w = write(fd, p, n);

		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return -1;
		p += w;
		n -= w;
	}
	return 0;
}

/*
 * Copies until the terminal has no writer left: reading the master then
 * fails with EIO (Linux), which is how the command's end shows here.
 */
static void pump(int master)
{
	struct pollfd p[2] = { { .fd = master, .events = POLLIN },
			       { .fd = 0, .events = POLLIN } };
	char buf[4096];

	for (;;) {
		ssize_t n;

		if (poll(p, 2, -1) < 0) {
			if (errno == EINTR)
				continue;
			return;
		}
		if (p[0].revents) {
			n = read(master, buf, sizeof(buf));
			if (n <= 0 || write_all(1, buf, n))
				return;
		}
		if (p[1].revents) {
			n = read(0, buf, sizeof(buf));
			/* stdin's end is not the command's: stop reading it. */
			if (n <= 0 || write_all(master, buf, n))
				p[1].fd = -1;
		}
	}
}

int main(int argc, char **argv)
{
	char *slave = NULL;
	int master, status;
	pid_t pid;

	if (argc < 2) {
		fprintf(stderr, "usage: ptyrun CMD [ARG]...\n");
		return 2;
	}
	master = open_master(&slave);
	if (master < 0)
		return 2;
	pid = fork();
	if (pid < 0) {
		perror("ptyrun: fork");
		return 2;
	}
	if (pid == 0) {
		close(master);
		run_child(slave, argv + 1);
	}
	pump(master);
	close(master);
	if (waitpid(pid, &status, 0) < 0)
		return 2;
	if (WIFSIGNALED(status))
		return 128 + WTERMSIG(status);
	return WEXITSTATUS(status);
}
