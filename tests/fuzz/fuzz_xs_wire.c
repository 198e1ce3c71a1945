/*
 * fuzz_xs_wire.c - the xenstore wire format (kernel/xenbus/xs_wire.c):
 * what the daemon in another domain sends, and what we build for it.
 * Every payload sits in a heap buffer of exactly its length, so a read
 * past it is an ASan report; each target has its oracle:
 *
 *  - reply_checks: a reply is ours (0), the errno its XS_ERROR names, or
 *    -XEN_EBADMSG, decided from the header rules and the NUL's place;
 *  - split, watch_event: the strings found are exactly the NUL-separated
 *    ones, in order and inside the payload, or the right error;
 *  - perms: a permission string parses iff it is [nrwb] and a decimal
 *    domid up to 65535, and formats back the same into any buffer size;
 *  - build: the message is header + the parts' concatenation, or E2BIG
 *    exactly when it exceeds XENSTORE_PAYLOAD_MAX or the buffer;
 *  - paths: xs_path_ok agrees with the rules of include/pvmini/xenstore.h.
 */
/* Before Xen's xs_wire.h: it lists xsd_errors only where errno.h is. */
#include <errno.h>

#include "kernel/xenbus/xs_wire.h"
#include "fuzz.h"

static unsigned char *payload;
static size_t payload_len;

static void dump_payload(void)
{
	printf("  payload, %zu bytes:", payload_len);
	for (size_t i = 0; i < payload_len && i < 64; i++)
		printf(" %02x", payload[i]);
	printf("%s\n", payload_len > 64 ? " ..." : "");
}

/*
 * The names a reply may carry: Xen's own list (xsd_errors in
 * xen/io/xs_wire.h), plus the two pvmini also accepts, EBADMSG and
 * ENAMETOOLONG. Names the kernel only prints (ETIMEDOUT, ...) are not
 * accepted from xenstored. Each name's errno is the one xs_error_name
 * gives that name.
 */
static const char *names[64];
static int name_err[64];
static unsigned int nnames;

static void collect_names(void)
{
	static const char *const extra[] = { "EBADMSG", "ENAMETOOLONG" };

	if (nnames)
		return;
	for (size_t i = 0; i < ARRAY_SIZE(xsd_errors) + ARRAY_SIZE(extra);
	     i++) {
		const char *name = i < ARRAY_SIZE(xsd_errors)
					   ? xsd_errors[i].errstring
					   : extra[i - ARRAY_SIZE(xsd_errors)];

		for (int err = 1; err < 256; err++)
			if (!strcmp(xs_error_name(err), name)) {
				names[nnames] = name;
				name_err[nnames++] = err;
				break;
			}
	}
}

/*
 * NUL-separated strings, from a small alphabet (some empty), the last
 * one terminated or not; into a fresh buffer of exactly the length.
 */
static void make_strings(unsigned int max_strings, size_t max_len)
{
	static char tmp[XENSTORE_PAYLOAD_MAX + 64];
	unsigned int n = fz_below(max_strings + 1);
	size_t len = 0;

	for (unsigned int i = 0; i < n && len < max_len; i++) {
		size_t l = fz_chance(10) ? 0 : fz_below(12);

		for (size_t k = 0; k < l && len < max_len; k++)
			tmp[len++] = "ab/\xff"[fz_below(4)];
		if (len < max_len)
			tmp[len++] = '\0';
	}
	if (len && fz_chance(20))
		len--; /* cut the last NUL (or char) off */
	payload_len = len;
	payload = malloc(len ? len : 1);
	memcpy(payload, tmp, len);
}

FUZZ(reply_checks, 100000)
{
	static const uint32_t lens[] = { 0,
					 1,
					 7,
					 XENSTORE_PAYLOAD_MAX - 1,
					 XENSTORE_PAYLOAD_MAX,
					 XENSTORE_PAYLOAD_MAX + 1,
					 UINT32_MAX };
	uint32_t sent = XS_READ + fz_below(XS_TYPE_COUNT - XS_READ);
	uint32_t id = (uint32_t)fz_u64();
	struct xsd_sockmsg h = {
		.type = fz_chance(40)	? XS_ERROR
			: fz_chance(50) ? sent
					: (uint32_t)fz_edge(XS_TYPE_COUNT + 3),
		.req_id = fz_chance(85) ? id : (uint32_t)fz_u64(),
	};
	bool in_range;
	int rc, want;

	collect_names();
	if (h.type == XS_ERROR && fz_chance(80)) { /* a name, NUL or not */
		const char *name =
			fz_chance(80) ? names[fz_below(nnames)] : "ENOTANERROR";
		size_t n = strlen(name) + 1 - (fz_chance(10) ? 1 : 0);

		n -= fz_chance(5) && n > 1 ? 1 + fz_below(n - 1) : 0;
		payload_len = n + (fz_chance(20) ? fz_below(8) : 0);
		payload = calloc(payload_len ? payload_len : 1, 1);
		memcpy(payload, name, n);
		h.len = (uint32_t)payload_len;
	} else {
		h.len = fz_chance(30) ? lens[fz_below(7)]
				      : (uint32_t)fz_below(64);
		in_range = h.len <= XENSTORE_PAYLOAD_MAX;
		payload_len = in_range ? h.len : 0;
		payload = malloc(payload_len ? payload_len : 1);
		fz_fill(payload, payload_len);
	}
	fz_dump = dump_payload;

	rc = xs_check_reply(&h, (const char *)payload, sent, id);
	if (h.len > XENSTORE_PAYLOAD_MAX || h.type >= XS_TYPE_COUNT ||
	    h.req_id != id) {
		want = -XEN_EBADMSG;
	} else if (h.type == XS_ERROR) {
		const unsigned char *nul = memchr(payload, 0, h.len);

		want = -XEN_EBADMSG;
		for (unsigned int i = 0; nul && i < nnames; i++)
			if ((size_t)(nul - payload) == strlen(names[i]) &&
			    !memcmp(payload, names[i], strlen(names[i])))
				want = -name_err[i];
	} else {
		want = h.type == sent ? 0 : -XEN_EBADMSG;
	}
	FZ_CHECK(rc == want, "type %u len %u id %s sent %u: %d, want %d",
		 h.type, h.len, h.req_id == id ? "ours" : "other", sent, rc,
		 want);
	free(payload);
}

FUZZ(split, 100000)
{
	const char *out[8];
	unsigned int max = (unsigned int)fz_below(9), count = 0;
	int rc;

	make_strings(10, 128);
	fz_dump = dump_payload;
	rc = xs_split((const char *)payload, payload_len, out, max);
	for (size_t i = 0; i < payload_len; i++)
		count += payload[i] == '\0';
	if (payload_len && payload[payload_len - 1] != '\0') {
		FZ_CHECK(rc == -XEN_EBADMSG, "unterminated: %d", rc);
	} else if (count > max) {
		FZ_CHECK(rc == -XEN_E2BIG, "%u strings, max %u: %d", count, max,
			 rc);
	} else {
		size_t at = 0;

		FZ_CHECK(rc == (int)count, "%d strings, want %u", rc, count);
		for (unsigned int i = 0; i < count; i++) {
			FZ_CHECK(out[i] == (const char *)payload + at,
				 "string %u at %td, want %zu", i,
				 out[i] - (const char *)payload, at);
			at += strlen(out[i]) + 1;
		}
	}
	free(payload);
}

FUZZ(watch_event, 100000)
{
	const char *path = NULL, *token = NULL;
	const unsigned char *nul1, *nul2 = NULL;
	int rc;

	make_strings(3, 64);
	fz_dump = dump_payload;
	rc = xs_parse_watch_event((const char *)payload, payload_len, &path,
				  &token);
	nul1 = memchr(payload, 0, payload_len);
	if (nul1)
		nul2 = memchr(nul1 + 1, 0, payload_len - (nul1 + 1 - payload));
	if (!nul2 || nul1 == payload) { /* two strings, a non-empty path */
		FZ_CHECK(rc == -XEN_EBADMSG, "accepted: %d", rc);
	} else {
		FZ_CHECK(rc == 0 && path == (const char *)payload &&
				 token == (const char *)nul1 + 1,
			 "rc %d path %p token %p", rc, (const void *)path,
			 (const void *)token);
	}
	free(payload);
}

static char perm_text[16];

static void dump_perm(void)
{
	printf("  \"%s\"\n", perm_text);
}

FUZZ(perms, 100000)
{
	struct xs_perm p = { 0x1234, 'x' };
	size_t len = fz_below(9), size;
	unsigned long domid = 0;
	bool valid;
	char want[16], *out;
	int rc;

	for (size_t i = 0; i < len; i++) {
		if (i == 0 && fz_chance(90))
			perm_text[i] = "nrwbx"[fz_below(5)];
		else if (fz_chance(95))
			perm_text[i] = (char)('0' + fz_below(10));
		else
			perm_text[i] = "-+ a"[fz_below(4)];
	}
	perm_text[len] = '\0';
	fz_dump = dump_perm;
	valid = len >= 2 && strchr("nrwb", perm_text[0]);
	for (size_t i = 1; valid && i < len; i++)
		valid = perm_text[i] >= '0' && perm_text[i] <= '9';
	if (valid)
		domid = strtoul(perm_text + 1, NULL, 10);
	valid = valid && domid <= 0xffff;
	rc = xs_parse_perm(perm_text, &p);
	if (!valid) {
		FZ_CHECK(rc == -XEN_EINVAL && p.perm == 'x' &&
				 p.domid == 0x1234,
			 "accepted or changed: %d", rc);
		return;
	}
	FZ_CHECK(rc == 0 && p.perm == perm_text[0] && p.domid == domid,
		 "rc %d: %c%u", rc, p.perm, p.domid);
	/* Back into every size of buffer, exactly that big. */
	snprintf(want, sizeof(want), "%c%lu", perm_text[0], domid);
	size = fz_below(strlen(want) + 3);
	out = malloc(size ? size : 1);
	rc = xs_format_perm(&p, out, size);
	if (size > strlen(want))
		FZ_CHECK(rc == (int)strlen(want) + 1 && !strcmp(out, want),
			 "format into %zu: %d", size, rc);
	else
		FZ_CHECK(rc == -XEN_E2BIG, "format into %zu: %d", size, rc);
	free(out);
}

FUZZ(build, 20000)
{
	static char source[XENSTORE_PAYLOAD_MAX + 2];
	struct xs_part parts[5];
	unsigned int n = fz_below(6);
	size_t total = 0, cap, at;
	bool fits = true;
	struct xsd_sockmsg h;
	char *buf;
	int rc;

	fz_fill(source, sizeof(source));
	for (unsigned int i = 0; i < n; i++) {
		size_t len = fz_chance(70) ? fz_below(40)
					   : fz_edge(XENSTORE_PAYLOAD_MAX + 1);

		parts[i] = (struct xs_part){ source + fz_below(sizeof(source) -
							       len + 1),
					     len, fz_chance(50) };
		if (fz_chance(2))
			parts[i].len = SIZE_MAX - fz_below(4); /* not read */
		if (parts[i].len > XENSTORE_PAYLOAD_MAX - total)
			fits = false;
		else
			total += parts[i].len;
		if (parts[i].nul && total++ >= XENSTORE_PAYLOAD_MAX)
			fits = false;
	}
	cap = fz_chance(60) ? XS_HDR_SIZE + total + fz_below(3)
			    : fz_below(XS_MSG_MAX + 2);
	fits = fits && cap >= XS_HDR_SIZE + total;
	buf = malloc(cap ? cap : 1);
	rc = xs_build(buf, cap, XS_WRITE, 7, 9, parts, n);
	if (!fits) {
		FZ_CHECK(rc == -XEN_E2BIG, "%u parts into %zu: %d", n, cap, rc);
		free(buf);
		return;
	}
	FZ_CHECK(rc == (int)(XS_HDR_SIZE + total), "%d, want %zu", rc,
		 XS_HDR_SIZE + total);
	memcpy(&h, buf, sizeof(h));
	FZ_CHECK(h.type == XS_WRITE && h.req_id == 7 && h.tx_id == 9 &&
			 h.len == total,
		 "header %u %u %u %u", h.type, h.req_id, h.tx_id, h.len);
	at = XS_HDR_SIZE;
	for (unsigned int i = 0; i < n; i++) {
		FZ_CHECK(!memcmp(buf + at, parts[i].data, parts[i].len),
			 "part %u", i);
		at += parts[i].len;
		if (parts[i].nul)
			FZ_CHECK(buf[at++] == '\0', "part %u: no NUL", i);
	}
	free(buf);
}

static char *path;

static void dump_path(void)
{
	printf("  \"%.200s\"%s (%zu bytes)\n", path,
	       strlen(path) > 200 ? "..." : "", strlen(path));
}

/* The rules, read off the header: split on '/', look at each element. */
static bool path_rules(const char *p)
{
	size_t n = strlen(p);
	const char *s = p;

	if (!n || n > XENSTORE_ABS_PATH_MAX ||
	    (p[0] != '/' && n > XENSTORE_REL_PATH_MAX))
		return false;
	if (!strcmp(p, "/"))
		return true;
	if (*s == '/')
		s++;
	for (;;) { /* s starts an element: it must not be empty */
		size_t len = strcspn(s, "/");

		if (!len)
			return false;
		for (size_t i = 0; i < len; i++)
			if (!strchr("abcdefghijklmnopqrstuvwxyz"
				    "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_@",
				    s[i]))
				return false;
		if (!s[len])
			return true;
		s += len + 1;
	}
}

/*
 * A path of about `len` bytes that keeps the rules - elements of valid
 * characters between single slashes - and then, often, one mistake.
 */
FUZZ(paths, 20000)
{
	static const size_t lens[] = { XENSTORE_REL_PATH_MAX,
				       XENSTORE_ABS_PATH_MAX };
	size_t len = fz_chance(70) ? fz_below(24)
				   : lens[fz_below(2)] - 2 + fz_below(5);
	size_t at = 0;

	path = malloc(len + 1);
	while (at < len) {
		if (at && path[at - 1] != '/' && fz_chance(15))
			path[at++] = '/';
		else
			path[at++] = "abZ9-_@"[fz_below(7)];
	}
	if (len && fz_chance(30))
		path[0] = '/';
	if (len && fz_chance(50)) /* one mistake, anywhere */
		path[fz_below(len)] = "/.: \x01\xff~"[fz_below(7)];
	path[len] = '\0';
	fz_dump = dump_path;
	FZ_CHECK(xs_path_ok(path) == path_rules(path), "xs_path_ok says %d",
		 xs_path_ok(path));
	free(path);
}
