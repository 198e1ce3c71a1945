/*
 * test_xenbus_state.c - what the frontend layer accepts from xenstore
 * (kernel/xenbus/xenbus_state.c): state values (decimal 0..8, nothing
 * else), backend paths (absolute, below the root, room for "/state"),
 * the names of our keys, and junk made safe to print.
 */
#include "kernel/xenbus/xenbus_state.h"
#include "unit.h"

TEST(states_are_decimal_0_to_8)
{
	int st = -5;

	CHECK(xenbus_parse_state("0", &st) == 0 && st == XenbusStateUnknown);
	CHECK(xenbus_parse_state("2", &st) == 0 && st == XenbusStateInitWait);
	CHECK(xenbus_parse_state("8", &st) == 0 &&
	      st == XenbusStateReconfigured);
	st = -5;
	CHECK(xenbus_parse_state("9", &st) == -XEN_EBADMSG);
	CHECK(xenbus_parse_state("", &st) == -XEN_EBADMSG);
	CHECK(xenbus_parse_state("banana", &st) == -XEN_EBADMSG);
	CHECK(xenbus_parse_state("4 ", &st) == -XEN_EBADMSG);
	CHECK(xenbus_parse_state(" 4", &st) == -XEN_EBADMSG);
	CHECK(xenbus_parse_state("-1", &st) == -XEN_EBADMSG);
	CHECK(xenbus_parse_state("18446744073709551620", &st) == -XEN_EBADMSG);
	CHECK(st == -5); /* untouched on junk */
}

TEST(state_names)
{
	CHECK_STR(xenbus_state_name(XenbusStateInitialising), "Initialising");
	CHECK_STR(xenbus_state_name(XenbusStateInitWait), "InitWait");
	CHECK_STR(xenbus_state_name(XenbusStateConnected), "Connected");
	CHECK_STR(xenbus_state_name(XenbusStateClosed), "Closed");
	CHECK_STR(xenbus_state_name(XENBUS_STATE_JUNK), "junk");
	CHECK_STR(xenbus_state_name(9), "?");
	CHECK_STR(xenbus_state_name(-7), "?");
}

TEST(backend_paths)
{
	char longp[200];

	CHECK(xenbus_backend_path_ok("/local/domain/0/backend/console/5/1",
				     128));
	CHECK(!xenbus_backend_path_ok("local/domain/0/backend/console/5/1",
				      128));
	CHECK(!xenbus_backend_path_ok("/", 128));
	CHECK(!xenbus_backend_path_ok("", 128));
	CHECK(!xenbus_backend_path_ok("/local//domain", 128));
	CHECK(!xenbus_backend_path_ok("/local/domain/", 128));
	CHECK(!xenbus_backend_path_ok("/local/dom ain", 128));
	/* "/state" and the NUL must fit: 10 + 7 bytes */
	CHECK(xenbus_backend_path_ok("/123456789", 17));
	CHECK(!xenbus_backend_path_ok("/123456789", 16));
	memset(longp, 'a', sizeof(longp));
	longp[0] = '/';
	longp[sizeof(longp) - 1] = '\0';
	CHECK(!xenbus_backend_path_ok(longp, 128));
}

TEST(frontend_paths)
{
	char buf[32];

	CHECK(xenbus_fe_path(buf, sizeof(buf), "console", 1, "ring-ref") == 0);
	CHECK_STR(buf, "device/console/1/ring-ref");
	CHECK(xenbus_fe_path(buf, sizeof(buf), "vbd", 51712, NULL) == 0);
	CHECK_STR(buf, "device/vbd/51712");
	CHECK(xenbus_fe_path(buf, 16, "console", 1, "ring-ref") == -XEN_E2BIG);
	/* exactly full: 25 characters and the NUL */
	CHECK(xenbus_fe_path(buf, 26, "console", 1, "ring-ref") == 0);
	CHECK(xenbus_fe_path(buf, 25, "console", 1, "ring-ref") == -XEN_E2BIG);
}

TEST(junk_is_made_printable)
{
	char s[] = "ba\033[2Jna\n\x80na";

	xenbus_printable(s);
	CHECK_STR(s, "ba?[2Jna??na");
}
