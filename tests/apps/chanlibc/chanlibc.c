/*
 * chanlibc - a channel through the C library (lib/newlib/channel.c):
 * open() by name, stdio reading it (fdopen + fgets), dprintf answering
 * on the same fd, fclose disconnecting it; and the errors open() gives
 * for channels that are not there. Answers each line with its length
 * and its upper-case form until "quit".
 */
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static int failures;

static void check(int ok, const char *what)
{
	if (!ok) {
		printf("chanlibc: FAIL: %s (errno %d: %s)\n", what, errno,
		       strerror(errno));
		failures++;
	}
}

int main(void)
{
	char line[256];
	FILE *in;
	int fd;

	errno = 0;
	check(open("/dev/channel/org.pvmini.nosuch", O_RDWR) == -1 &&
		      errno == ENOENT,
	      "a channel that is not there is ENOENT");
	check(open("/dev/console/0", O_RDWR) == -1 && errno == ENOENT,
	      "console 0 is no console device");
	fd = open("/dev/channel/org.pvmini.libc", O_RDWR);
	check(fd >= 3, "open the channel");
	if (fd < 0)
		return 1;
	check(open("/dev/console/1", O_RDWR) == -1 && errno == EBUSY,
	      "the same device twice is EBUSY");
	check(!isatty(fd) && errno == ENOTTY, "a channel is not a tty");
	check(lseek(fd, 0, SEEK_SET) == -1 && errno == ESPIPE,
	      "a channel does not seek");
	in = fdopen(fd, "r");
	check(in != NULL, "fdopen");
	if (!in)
		return 1;
	printf("chanlibc: ready on fd %d\n", fd);
	while (fgets(line, sizeof(line), in)) {
		size_t n;

		line[strcspn(line, "\n")] = '\0';
		printf("chanlibc: got '%s'\n", line);
		if (!strcmp(line, "quit")) {
			check(dprintf(fd, "bye\n") == 4, "dprintf bye");
			break;
		}
		n = strlen(line);
		for (size_t i = 0; i < n; i++)
			line[i] = (char)toupper((unsigned char)line[i]);
		check(dprintf(fd, "%zu %s\n", n, line) > 0, "dprintf");
	}
	check(fclose(in) == 0, "fclose disconnects");
	check(write(fd, "x", 1) == -1 && errno == EBADF,
	      "the fd is gone after fclose");
	printf("chanlibc: %s\n", failures ? "FAILED" : "closed, all good");
	return failures ? 1 : 0;
}
