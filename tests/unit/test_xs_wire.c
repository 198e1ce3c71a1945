/*
 * test_xs_wire.c - the xenstore wire format (kernel/xenbus/xs_wire.c): requests
 * are laid out as xs_wire.h says, and every malformed reply the daemon
 * could send - truncated header fields, lengths beyond
 * XENSTORE_PAYLOAD_MAX, missing NULs, unknown types and error names, a
 * wrong req_id - is an error code, never an overflow.
 */
#include "kernel/xenbus/xs_wire.h"
#include "unit.h"

static char buf[XS_MSG_MAX + 64];

static struct xsd_sockmsg hdr(uint32_t type, uint32_t id, uint32_t len)
{
	return (struct xsd_sockmsg){ .type = type, .req_id = id, .len = len };
}

TEST(build_read_request)
{
	struct xs_part p = { "domid", 5, true };
	struct xsd_sockmsg h;
	int n = xs_build(buf, sizeof(buf), XS_READ, 7, 3, &p, 1);

	CHECK(n == (int)XS_HDR_SIZE + 6);
	memcpy(&h, buf, sizeof(h));
	CHECK(h.type == XS_READ && h.req_id == 7 && h.tx_id == 3);
	CHECK(h.len == 6);
	CHECK(!memcmp(buf + XS_HDR_SIZE, "domid", 6));
}

TEST(build_write_value_has_no_nul)
{
	struct xs_part p[2] = { { "a/b", 3, true }, { "xyz", 3, false } };
	int n = xs_build(buf, sizeof(buf), XS_WRITE, 1, 0, p, 2);

	CHECK(n == (int)XS_HDR_SIZE + 7);
	CHECK(!memcmp(buf + XS_HDR_SIZE, "a/b\0xyz", 7));
}

TEST(build_rejects_oversized)
{
	static char big[XENSTORE_PAYLOAD_MAX + 1];
	struct xs_part p = { big, XENSTORE_PAYLOAD_MAX, false };

	CHECK(xs_build(buf, sizeof(buf), XS_WRITE, 1, 0, &p, 1) ==
	      (int)XS_MSG_MAX);
	p.nul = true; /* one byte too many */
	CHECK(xs_build(buf, sizeof(buf), XS_WRITE, 1, 0, &p, 1) == -XEN_E2BIG);
	p.len = (size_t)-1; /* a length that would wrap a sum */
	CHECK(xs_build(buf, sizeof(buf), XS_WRITE, 1, 0, &p, 1) == -XEN_E2BIG);
	p = (struct xs_part){ "abc", 3, true };
	CHECK(xs_build(buf, XS_HDR_SIZE + 3, XS_READ, 1, 0, &p, 1) ==
	      -XEN_E2BIG); /* caller's buffer too small */
	CHECK(xs_build(buf, 4, XS_READ, 1, 0, &p, 1) == -XEN_E2BIG);
}

TEST(header_checks)
{
	struct xsd_sockmsg h = hdr(XS_READ, 1, XENSTORE_PAYLOAD_MAX);

	CHECK(xs_check_header(&h) == 0);
	h.len = XENSTORE_PAYLOAD_MAX + 1;
	CHECK(xs_check_header(&h) == -XEN_E2BIG);
	h.len = 0xffffffff;
	CHECK(xs_check_header(&h) == -XEN_E2BIG);
	h = hdr(XS_TYPE_COUNT, 1, 0);
	CHECK(xs_check_header(&h) == -XEN_EBADMSG);
	h = hdr(XS_INVALID, 1, 0);
	CHECK(xs_check_header(&h) == -XEN_EBADMSG);
	h = hdr(0xdeadbeef, 1, 0);
	CHECK(xs_check_header(&h) == -XEN_EBADMSG);
}

TEST(truncated_header_fields)
{
	/* A header read while the rest was still zero: len 0, type 0. */
	struct xsd_sockmsg h = hdr(0, 0, 0);

	CHECK(xs_check_reply(&h, "", XS_READ, 5) == -XEN_EBADMSG);
	h = hdr(XS_READ, 0, 0); /* id not filled in */
	CHECK(xs_check_reply(&h, "", XS_READ, 5) == -XEN_EBADMSG);
}

TEST(reply_matching)
{
	struct xsd_sockmsg h = hdr(XS_READ, 9, 3);

	CHECK(xs_check_reply(&h, "abc", XS_READ, 9) == 0);
	CHECK(xs_check_reply(&h, "abc", XS_READ, 8) == -XEN_EBADMSG);
	CHECK(xs_check_reply(&h, "abc", XS_WRITE, 9) == -XEN_EBADMSG);
	h.len = XENSTORE_PAYLOAD_MAX + 100;
	CHECK(xs_check_reply(&h, "abc", XS_READ, 9) == -XEN_EBADMSG);
}

TEST(error_replies)
{
	struct xsd_sockmsg h = hdr(XS_ERROR, 4, 7);

	CHECK(xs_check_reply(&h, "ENOENT\0", XS_READ, 4) == -XEN_ENOENT);
	h.len = 7;
	CHECK(xs_check_reply(&h, "EACCES\0", XS_WRITE, 4) == -XEN_EACCES);
	h.len = 7;
	CHECK(xs_check_reply(&h, "EAGAIN\0", XS_TRANSACTION_END, 4) ==
	      -XEN_EAGAIN);
	h.len = 6; /* missing NUL inside len */
	CHECK(xs_check_reply(&h, "ENOENTxx", XS_READ, 4) == -XEN_EBADMSG);
	h.len = 0;
	CHECK(xs_check_reply(&h, "", XS_READ, 4) == -XEN_EBADMSG);
	h.len = 8;
	CHECK(xs_check_reply(&h, "EWHAT?\0", XS_READ, 4) == -XEN_EBADMSG);
	h.len = 7; /* error for someone else */
	CHECK(xs_check_reply(&h, "ENOENT\0", XS_READ, 5) == -XEN_EBADMSG);
}

TEST(error_names)
{
	CHECK(xs_error_from_name("EINVAL", 6) == -XEN_EINVAL);
	CHECK(xs_error_from_name("EINVA", 5) == -XEN_EBADMSG);
	CHECK(xs_error_from_name("EINVALX", 7) == -XEN_EBADMSG);
	CHECK_STR(xs_error_name(-XEN_ENOENT), "ENOENT");
	CHECK_STR(xs_error_name(XEN_EROFS), "EROFS");
	CHECK_STR(xs_error_name(-9999), "E?");
	/* The kernel's own errnos are named, but xenstored may not send
	 * them. */
	CHECK_STR(xs_error_name(-XEN_ETIMEDOUT), "ETIMEDOUT");
	CHECK_STR(xs_error_name(-XEN_ENOTCONN), "ENOTCONN");
	CHECK_STR(xs_error_name(-XEN_ERANGE), "ERANGE");
	CHECK_STR(xs_error_name(-XEN_EOPNOTSUPP), "EOPNOTSUPP");
	CHECK(xs_error_from_name("ERANGE", 6) == -XEN_EBADMSG);
	CHECK(xs_error_from_name("ETIMEDOUT", 9) == -XEN_EBADMSG);
}

TEST(split_strings)
{
	const char *s[4];

	CHECK(xs_split("a\0bc\0\0", 6, s, 4) == 3);
	CHECK_STR(s[0], "a");
	CHECK_STR(s[1], "bc");
	CHECK_STR(s[2], "");
	CHECK(xs_split("", 0, s, 4) == 0);
	CHECK(xs_split("a\0bc", 4, s, 4) == -XEN_EBADMSG); /* no last NUL */
	CHECK(xs_split("a\0b\0c\0d\0e\0", 10, s, 4) == -XEN_E2BIG);
}

TEST(watch_events)
{
	const char *path, *token;

	CHECK(xs_parse_watch_event("a/b\0tok\0", 8, &path, &token) == 0);
	CHECK_STR(path, "a/b");
	CHECK_STR(token, "tok");
	CHECK(xs_parse_watch_event("a/b\0tok\0extra\0", 14, &path, &token) ==
	      0);
	CHECK(xs_parse_watch_event("a/b\0tok", 7, &path, &token) ==
	      -XEN_EBADMSG);
	CHECK(xs_parse_watch_event("a/b\0", 4, &path, &token) == -XEN_EBADMSG);
	CHECK(xs_parse_watch_event("a/b", 3, &path, &token) == -XEN_EBADMSG);
	CHECK(xs_parse_watch_event("", 0, &path, &token) == -XEN_EBADMSG);
	CHECK(xs_parse_watch_event("\0tok\0", 5, &path, &token) ==
	      -XEN_EBADMSG);
}

TEST(permissions)
{
	struct xs_perm p;
	char out[8];

	CHECK(xs_parse_perm("r5", &p) == 0 && p.perm == 'r' && p.domid == 5);
	CHECK(xs_parse_perm("n0", &p) == 0 && p.perm == 'n' && p.domid == 0);
	CHECK(xs_parse_perm("b65535", &p) == 0 && p.domid == 65535);
	CHECK(xs_parse_perm("b65536", &p) == -XEN_EINVAL);
	CHECK(xs_parse_perm("x1", &p) == -XEN_EINVAL);
	CHECK(xs_parse_perm("r", &p) == -XEN_EINVAL);
	CHECK(xs_parse_perm("", &p) == -XEN_EINVAL);
	CHECK(xs_parse_perm("r1a", &p) == -XEN_EINVAL);
	p = (struct xs_perm){ 7, 'w' };
	CHECK(xs_format_perm(&p, out, sizeof(out)) == 3);
	CHECK_STR(out, "w7");
	p.perm = 'q';
	CHECK(xs_format_perm(&p, out, sizeof(out)) == -XEN_EINVAL);
	p = (struct xs_perm){ 65535, 'b' };
	CHECK(xs_format_perm(&p, out, 4) == -XEN_E2BIG);
}

TEST(paths)
{
	static char long_path[XENSTORE_ABS_PATH_MAX + 2];

	CHECK(xs_path_ok("domid"));
	CHECK(xs_path_ok("/local/domain/0/name"));
	CHECK(xs_path_ok("data/a-b_c@d"));
	CHECK(!xs_path_ok(""));
	CHECK(!xs_path_ok("a//b"));
	CHECK(!xs_path_ok("a/"));
	CHECK(!xs_path_ok("a b"));
	CHECK(!xs_path_ok("a\nb"));
	memset(long_path, 'a', sizeof(long_path) - 1);
	long_path[0] = '/';
	CHECK(!xs_path_ok(long_path));
	long_path[XENSTORE_ABS_PATH_MAX] = '\0';
	CHECK(xs_path_ok(long_path));
	long_path[0] = 'a'; /* relative: a tighter limit */
	CHECK(!xs_path_ok(long_path));
}
