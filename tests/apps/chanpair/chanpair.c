/*
 * chanpair - two threads open two channels at the same time
 * (lib/newlib/channel.c): each open blocks in xenstore while the other
 * thread runs, and each must still get an fd of its own that reaches
 * its own channel. The dom0 peer asks each channel its name.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <pvmini/thread.h>

static const char *const names[2] = { "a", "b" };
static int fds[2];

static void opener(void *arg)
{
	int i = (int)(long)arg;
	char path[64];

	snprintf(path, sizeof(path), "/dev/channel/org.pvmini.%s", names[i]);
	fds[i] = open(path, O_RDWR);
}

/* One line from fd, without its newline; 0 on success. */
static int read_line(int fd, char *buf, size_t size)
{
	size_t n = 0;
	char c;

	while (read(fd, &c, 1) == 1) {
		if (c == '\n') {
			buf[n] = '\0';
			return 0;
		}
		if (n + 1 < size)
			buf[n++] = c;
	}
	return -1;
}

int main(void)
{
	struct thread *t[2];
	char line[64];
	int bad = 0;

	for (long i = 0; i < 2; i++)
		t[i] = thread_create("opener", opener, (void *)i);
	for (int i = 0; i < 2; i++)
		thread_join(t[i]);
	printf("chanpair: a on fd %d, b on fd %d\n", fds[0], fds[1]);
	if (fds[0] < 3 || fds[1] < 3 || fds[0] == fds[1]) {
		printf("chanpair: FAILED: two opens, %s\n",
		       fds[0] == fds[1] ? "one fd" : "an error");
		return 1;
	}
	printf("chanpair: ready\n");
	for (int i = 0; i < 2; i++) {
		if (read_line(fds[i], line, sizeof(line)) ||
		    strcmp(line, "name?")) {
			printf("chanpair: FAILED: fd %d read '%s'\n", fds[i],
			       line);
			return 1;
		}
		dprintf(fds[i], "%s\n", names[i]);
		printf("chanpair: fd %d answered '%s'\n", fds[i], names[i]);
	}
	for (int i = 0; i < 2; i++)
		bad |= close(fds[i]) != 0;
	bad |= !(write(fds[0], "x", 1) == -1 && errno == EBADF);
	printf("chanpair: %s\n", bad ? "FAILED" : "closed, all good");
	return bad;
}
