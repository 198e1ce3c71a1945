/*
 * selftest_shutdown.c - `httpd selftest=shutdown`: connections in each
 * state an `xl shutdown` can find, then "ready" for the boot test to send
 * it (tests/boot/httpd-shutdown-xl.t):
 *
 *   idle       a request answered, now waiting for the next
 *   half       half a request head sent
 *   in flight  GET /bytes/2 MiB, paused after 256 KiB until the drain
 *              begins, then read on: it must arrive whole
 *   stalled    GET /bytes/1 GiB, never read after 64 KiB: the server
 *              cannot finish it and must cut it at the drain's bound
 *   late       a connection tried once the drain began: refused
 *
 * The server's shutdown hook drains; this file's hook, registered before
 * it and so run after it, then checks what each client saw and prints
 * one line. The domain powers off when the hooks return.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include <pvmini/thread.h>
#include <pvmini/time.h>
#include <pvmini/xenstore.h>

#include "httpd.h"
#include "selftest.h"

#define FLIGHT (2 << 20)
#define STALL (1ULL << 30)

static struct client *idle, *half, *flight, *stall;
static uint64_t flight_got;
static bool flight_intact, flight_done, late_refused, late_done;

static void wait_for_drain(void)
{
	while (!httpd_stats.draining)
		thread_sleep_ns(5 * NSEC_PER_MSEC);
}

static void read_flight(void *unused __unused)
{
	bool intact;
	uint64_t got = st_pattern(flight, 0, 256 << 10, &intact);

	wait_for_drain();
	flight_got =
		got + st_pattern(flight, got, FLIGHT - got, &flight_intact);
	flight_intact &= intact;
	flight_done = true;
}

static void try_late(void *unused __unused)
{
	struct client *c;

	wait_for_drain();
	c = st_connect(true);
	late_refused = c == NULL && errno == ECONNREFUSED;
	st_close(c);
	late_done = true;
}

static bool answered(struct client *c, const char *method, const char *path)
{
	struct reply r;

	return c && st_request(c, method, path, "") && st_head(c, &r) &&
	       r.status == 200;
}

void st_shutdown(void)
{
	struct reply r;
	bool intact;

	idle = st_connect(false);
	half = st_connect(false);
	flight = st_connect(false);
	stall = st_connect(false);
	st_check(idle && st_get(idle, "GET", "/hello.txt", &r, NULL, 1 << 16) &&
			 r.status == 200,
		 "idle: GET");
	st_check(half && st_send(half, "GET /hello.txt HTTP/1.1\r\nHo", 27),
		 "half: send");
	st_check(answered(flight, "GET", "/bytes/2097152"), "in flight: GET");
	st_check(answered(stall, "GET", "/bytes/1073741824"), "stalled: GET");
	st_check(st_pattern(stall, 0, 64 << 10, &intact) == 64 << 10 && intact,
		 "stalled: first 64 KiB");
	thread_create("flight", read_flight, NULL);
	thread_create("late", try_late, NULL);
	/* the server's send to the stalled client fills the window */
	thread_sleep_ns(200 * NSEC_PER_MSEC);
	printf("selftest: shutdown: %u connections open (idle, half a head, "
	       "in flight, stalled): ready\n",
	       httpd_stats.active);
}

static void after_drain(unsigned int reason __unused, void *unused __unused)
{
	uint64_t end = st_ms() + 5000, stalled;
	bool intact;

	st_check(st_closed(idle, 100), "idle connection left open");
	st_check(st_closed(half, 100), "half-head connection left open");
	while (!(flight_done && late_done) && st_ms() < end)
		thread_sleep_ns(10 * NSEC_PER_MSEC);
	st_check(flight_done && flight_got == FLIGHT && flight_intact,
		 "in flight: %llu of %u bytes%s",
		 (unsigned long long)flight_got, FLIGHT,
		 flight_intact ? "" : ", not the pattern");
	st_check(late_done && late_refused, "a connection during the drain "
					    "was not refused");
	stalled = (64 << 10) +
		  st_pattern(stall, 64 << 10, STALL - (64 << 10), &intact);
	st_check(stalled < STALL && intact, "stalled: %llu bytes",
		 (unsigned long long)stalled);
	printf("selftest: shutdown: idle and half-head connections closed at "
	       "once, in-flight /bytes/2097152 whole and intact, stalled "
	       "/bytes/1073741824 cut after %llu bytes, new connection "
	       "refused: %s\n",
	       (unsigned long long)stalled, st_failures() ? "WRONG" : "yes");
	printf("selftest: %d failure(s)\n", st_failures());
}

static struct shutdown_hook hook = { .fn = after_drain };

void st_shutdown_hook(void)
{
	shutdown_hook_register(&hook);
}
