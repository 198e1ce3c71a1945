/*
 * saveall - one guest with a channel, a vif and a disk, each proven to
 * work after every xl restore (tests/boot/save-all-xl.t,
 * docs/suspend.md):
 *
 *   channel  org.pvmini.echo: each line is answered "echo: LINE";
 *            "quit" ends the app (exit 0)
 *   vif      TCP 80: one HTTP/1.0 answer to any request, the state of
 *            things in its body (for wget); TCP 7: each line answered
 *            "echo: LINE" until the peer closes (a connection dom0
 *            keeps open across the saves)
 *   disk     the first one: sector 0 gets record 0 at boot; across
 *            save N, sector 2N-1 "before save N" (the suspend hook
 *            writes it, before any device is parked) and sector 2N
 *            "after save N" (once back); after each restore every
 *            record so far is read back and compared
 *
 * A record is one sector: "saveall record K: WHAT\n", then zeros; the
 * test's dom0 end checks the file behind the disk against the same.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include <pvmini/blkdev.h>
#include <pvmini/console_dev.h>
#include <pvmini/suspend.h>
#include <pvmini/thread.h>
#include <pvmini/time.h>
#include <pvnet.h>

#define SECTOR_MAX 4096

static struct blkdev *disk;
static uint32_t sector_size;
static unsigned int records; /* written so far */
static unsigned int saves;   /* suspend hooks that agreed */
static unsigned int checked; /* restores whose records were checked */
static bool disk_ok = true;
static struct console_dev *chan;

static bool quit, resumed;
static struct wait_queue main_wq = WAIT_QUEUE_INIT;

static void record_text(unsigned int k, char *buf)
{
	memset(buf, 0, sector_size);
	if (k == 0)
		snprintf(buf, sector_size, "saveall record 0: at boot\n");
	else
		snprintf(buf, sector_size, "saveall record %u: %s save %u\n", k,
			 k % 2 ? "before" : "after", (k + 1) / 2);
}

static int write_record(void)
{
	/* Requests move whole sectors from sector-aligned buffers. */
	static char buf[SECTOR_MAX] __attribute__((aligned(SECTOR_MAX)));
	int rc;

	record_text(records, buf);
	rc = blkdev_write(disk, records, 1, buf);
	if (!rc)
		rc = blkdev_flush(disk);
	if (rc) {
		printf("saveall: writing record %u: %d\n", records, rc);
		disk_ok = false;
		return rc;
	}
	records++;
	return 0;
}

/* Every record so far, read back; how many are wrong. */
static unsigned int check_records(void)
{
	static char want[SECTOR_MAX],
		got[SECTOR_MAX] __attribute__((aligned(SECTOR_MAX)));
	unsigned int bad = 0;

	for (unsigned int k = 0; k < records; k++) {
		record_text(k, want);
		if (blkdev_read(disk, k, 1, got) ||
		    memcmp(want, got, sector_size))
			bad++;
	}
	return bad;
}

static int on_suspend(void *data __unused)
{
	/* Devices still run here: the record goes out before the save. */
	if (write_record())
		return 0; /* said above; the save goes on */
	saves++;
	printf("saveall: save %u: record %u written before it\n", saves,
	       records - 1);
	return 0;
}

static void on_resume(void *data __unused, bool cancelled)
{
	if (cancelled)
		return;
	resumed = true;
	wake_all(&main_wq);
}

static struct suspend_hook hook = { .name = "saveall",
				    .suspend = on_suspend,
				    .resume = on_resume };

static void channel_serve(void *arg __unused)
{
	char buf[256], line[200], out[224];
	size_t len = 0;
	long n;

	while ((n = console_dev_read(chan, buf, sizeof(buf))) > 0) {
		for (long i = 0; i < n; i++) {
			if (buf[i] != '\n') {
				if (len < sizeof(line) - 1)
					line[len++] = buf[i];
				continue;
			}
			line[len] = '\0';
			len = 0;
			if (!strcmp(line, "quit")) {
				quit = true;
				wake_all(&main_wq);
				return;
			}
			printf("saveall: channel got '%s'\n", line);
			snprintf(out, sizeof(out), "echo: %s\n", line);
			if (console_dev_write(chan, out, strlen(out)) < 0)
				printf("saveall: channel write failed\n");
		}
	}
	printf("saveall: channel read: %ld\n", n);
}

static void http_conn(int fd)
{
	char req[1024], body[160], head[128];
	size_t got = 0;
	ssize_t n;

	/* Read the request head (up to its blank line), then answer. */
	while (got < sizeof(req) - 1 &&
	       (n = read(fd, req + got, sizeof(req) - 1 - got)) > 0) {
		got += (size_t)n;
		req[got] = '\0';
		if (strstr(req, "\r\n\r\n") || strstr(req, "\n\n"))
			break;
	}
	snprintf(body, sizeof(body),
		 "saveall: %u restore(s), %u disk record(s), disk %s\n",
		 checked, records, disk_ok ? "right" : "WRONG");
	snprintf(head, sizeof(head),
		 "HTTP/1.0 200 OK\r\nContent-Type: text/plain\r\n"
		 "Content-Length: %zu\r\n\r\n",
		 strlen(body));
	if (write(fd, head, strlen(head)) < 0 ||
	    write(fd, body, strlen(body)) < 0)
		printf("saveall: http: %s\n", strerror(errno));
	printf("saveall: http: answered '%.*s'\n", (int)strlen(body) - 1, body);
}

/* Line echo until the peer closes, or the connection breaks. */
static void echo_conn(int fd)
{
	char buf[512];
	ssize_t n;

	while ((n = read(fd, buf, sizeof(buf))) > 0) {
		printf("saveall: tcp echo: %zd byte(s)\n", n);
		if (write(fd, "echo: ", 6) != 6 ||
		    write(fd, buf, (size_t)n) != n)
			break;
	}
	printf("saveall: tcp echo connection ended: %s\n",
	       n == 0 ? "closed by the peer" : strerror(errno));
}

struct conn {
	int fd;
	bool http;
};

static void conn_thread(void *arg)
{
	struct conn *c = arg;

	if (c->http)
		http_conn(c->fd);
	else
		echo_conn(c->fd);
	close(c->fd);
	free(c);
}

static int listen_on(uint16_t port)
{
	struct sockaddr_in a = { .sin_family = AF_INET,
				 .sin_port = htons(port) };
	int fd = socket(AF_INET, SOCK_STREAM, 0), one = 1;

	if (fd < 0 ||
	    setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one)) ||
	    bind(fd, (struct sockaddr *)&a, sizeof(a)) || listen(fd, 8)) {
		printf("saveall: listening on %u: %s\n", port, strerror(errno));
		return -1;
	}
	return fd;
}

static void accept_loop(void *arg)
{
	int lfd = (int)(long)arg & 0xffff;
	bool http = (long)arg >> 16;

	for (;;) {
		int fd = accept(lfd, NULL, NULL);
		struct conn *c;

		if (fd < 0) {
			thread_sleep_ns(100 * NSEC_PER_MSEC);
			continue;
		}
		c = malloc(sizeof(*c));
		if (!c) {
			close(fd);
			continue;
		}
		*c = (struct conn){ .fd = fd, .http = http };
		thread_detach(thread_create("conn", conn_thread, c));
	}
}

static int open_disk(void)
{
	char names[4][BLKDEV_NAME_MAX];
	struct blkdev_info info;
	int rc;

	if (blkdev_list(names, 4) < 1) {
		printf("saveall: no disk\n");
		return -1;
	}
	rc = blkdev_open(names[0], &disk);
	if (rc) {
		printf("saveall: opening %s: %d\n", names[0], rc);
		return -1;
	}
	blkdev_get_info(disk, &info);
	sector_size = info.sector_size;
	if (sector_size > SECTOR_MAX || info.readonly || info.sectors < 16) {
		printf("saveall: %s will not do (read-only, or too small)\n",
		       names[0]);
		return -1;
	}
	return write_record();
}

int main(void)
{
	int web, echo;

	if (open_disk())
		return 1;
	if (console_dev_open_name("org.pvmini.echo", &chan)) {
		printf("saveall: no channel org.pvmini.echo\n");
		return 1;
	}
	web = listen_on(80);
	echo = listen_on(7);
	if (web < 0 || echo < 0 || !pvnet_wait_vifs(30000)) {
		printf("saveall: no network\n");
		return 1;
	}
	thread_detach(thread_create("channel", channel_serve, NULL));
	thread_detach(thread_create("http", accept_loop,
				    (void *)(1L << 16 | (long)web)));
	thread_detach(thread_create("echo", accept_loop, (void *)(long)echo));
	suspend_hook_register(&hook);
	printf("saveall: ready: channel, vif, disk (record 0 written)\n");
	for (;;) {
		unsigned int bad;

		wait_event(main_wq, resumed || quit);
		if (quit)
			break;
		resumed = false;
		write_record();
		bad = check_records();
		disk_ok = disk_ok && !bad;
		checked++;
		printf("saveall: restored %u: %u disk record(s), %u wrong\n",
		       checked, records, bad);
	}
	suspend_hook_unregister(&hook);
	printf("saveall: quit after %u restore(s); %u disk record(s), disk "
	       "%s; closing: %d\n",
	       checked, records, disk_ok ? "right" : "WRONG",
	       blkdev_close(disk));
	return disk_ok ? 0 : 1;
}
