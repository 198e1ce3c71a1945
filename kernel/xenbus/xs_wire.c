/*
 * xs_wire.c - the xenstore wire format: pure, no hypercall inside
 * (tests/unit/test_xs_wire.c). The daemon on the other end of the ring
 * is another domain: every length, type and string it sends is checked
 * here before anything indexes with it.
 */
#include "kernel/xenbus/xs_wire.h"

int xs_build(void *buf, size_t cap, uint32_t type, uint32_t req_id,
	     uint32_t tx_id, const struct xs_part *parts, unsigned int n)
{
	struct xsd_sockmsg h = { .type = type,
				 .req_id = req_id,
				 .tx_id = tx_id };
	char *out = (char *)buf + XS_HDR_SIZE;
	size_t len = 0;

	for (unsigned int i = 0; i < n; i++) {
		/* Checked piece by piece so that the sum cannot wrap. */
		if (parts[i].len > XENSTORE_PAYLOAD_MAX - len)
			return -XEN_E2BIG;
		len += parts[i].len;
		if (parts[i].nul && ++len > XENSTORE_PAYLOAD_MAX)
			return -XEN_E2BIG;
	}
	if (cap < XS_HDR_SIZE || len > cap - XS_HDR_SIZE)
		return -XEN_E2BIG;
	for (unsigned int i = 0; i < n; i++) {
		memcpy(out, parts[i].data, parts[i].len);
		out += parts[i].len;
		if (parts[i].nul)
			*out++ = '\0';
	}
	h.len = (uint32_t)len;
	memcpy(buf, &h, sizeof(h));
	return (int)(XS_HDR_SIZE + len);
}

int xs_check_header(const struct xsd_sockmsg *h)
{
	if (h->len > XENSTORE_PAYLOAD_MAX)
		return -XEN_E2BIG;
	if (h->type >= XS_TYPE_COUNT)
		return -XEN_EBADMSG;
	return 0;
}

/* The names xenstored sends in XS_ERROR (xs_wire.h's list). */
static const struct {
	int err;
	const char *name;
} errors[] = {
	{ XEN_EINVAL, "EINVAL" },	{ XEN_EACCES, "EACCES" },
	{ XEN_EEXIST, "EEXIST" },	{ XEN_EISDIR, "EISDIR" },
	{ XEN_ENOENT, "ENOENT" },	{ XEN_ENOMEM, "ENOMEM" },
	{ XEN_ENOSPC, "ENOSPC" },	{ XEN_EIO, "EIO" },
	{ XEN_ENOTEMPTY, "ENOTEMPTY" }, { XEN_ENOSYS, "ENOSYS" },
	{ XEN_EROFS, "EROFS" },		{ XEN_EBUSY, "EBUSY" },
	{ XEN_EAGAIN, "EAGAIN" },	{ XEN_EISCONN, "EISCONN" },
	{ XEN_E2BIG, "E2BIG" },		{ XEN_EPERM, "EPERM" },
	{ XEN_EBADMSG, "EBADMSG" },	{ XEN_ENAMETOOLONG, "ENAMETOOLONG" },
};

int xs_error_from_name(const char *name, size_t len)
{
	for (unsigned int i = 0; i < ARRAY_SIZE(errors); i++)
		if (strlen(errors[i].name) == len &&
		    !memcmp(errors[i].name, name, len))
			return -errors[i].err;
	return -XEN_EBADMSG;
}

/* Errnos the kernel's own calls return, named for messages but never
 * accepted from xenstored. */
static const struct {
	int err;
	const char *name;
} kernel_errors[] = {
	{ XEN_ETIMEDOUT, "ETIMEDOUT" },
	{ XEN_ENOTCONN, "ENOTCONN" },
	{ XEN_ENODEV, "ENODEV" },
	/* The disk API's (<pvmini/blkdev.h>). */
	{ XEN_ERANGE, "ERANGE" },
	{ XEN_EOPNOTSUPP, "EOPNOTSUPP" },
	{ XEN_EFAULT, "EFAULT" },
	{ XEN_EBADF, "EBADF" },
};

const char *xs_error_name(int err)
{
	if (err < 0)
		err = -err;
	for (unsigned int i = 0; i < ARRAY_SIZE(errors); i++)
		if (errors[i].err == err)
			return errors[i].name;
	for (unsigned int i = 0; i < ARRAY_SIZE(kernel_errors); i++)
		if (kernel_errors[i].err == err)
			return kernel_errors[i].name;
	return "E?";
}

int xs_check_reply(const struct xsd_sockmsg *h, const char *payload,
		   uint32_t sent, uint32_t req_id)
{
	size_t n;

	if (xs_check_header(h) || h->req_id != req_id)
		return -XEN_EBADMSG;
	if (h->type == XS_ERROR) {
		/* "ENOENT\0": the name must be terminated inside len. */
		n = strnlen(payload, h->len);
		if (n == h->len)
			return -XEN_EBADMSG;
		return xs_error_from_name(payload, n);
	}
	return h->type == sent ? 0 : -XEN_EBADMSG;
}

int xs_split(const char *payload, size_t len, const char **out,
	     unsigned int max)
{
	unsigned int count = 0;
	size_t at = 0;

	if (len && payload[len - 1] != '\0')
		return -XEN_EBADMSG;
	while (at < len) {
		if (count == max)
			return -XEN_E2BIG;
		out[count++] = payload + at;
		at += strlen(payload + at) + 1;
	}
	return (int)count;
}

int xs_parse_watch_event(const char *payload, size_t len, const char **path,
			 const char **token)
{
	const char *s[2];
	size_t at = 0;

	/* Only the first two strings matter; later ones are ignored. */
	for (int i = 0; i < 2; i++) {
		size_t n = at < len ? strnlen(payload + at, len - at) : 0;

		if (at >= len || at + n == len)
			return -XEN_EBADMSG;
		s[i] = payload + at;
		at += n + 1;
	}
	if (!*s[0])
		return -XEN_EBADMSG;
	*path = s[0];
	*token = s[1];
	return 0;
}

int xs_parse_perm(const char *s, struct xs_perm *p)
{
	unsigned long id;

	if (!s[0] || !strchr("nrwb", s[0]) || parse_ulong(s + 1, 0xffff, &id))
		return -XEN_EINVAL;
	p->perm = s[0];
	p->domid = (uint16_t)id;
	return 0;
}

int xs_format_perm(const struct xs_perm *p, char *buf, size_t size)
{
	int n;

	if (!p->perm || !strchr("nrwb", p->perm))
		return -XEN_EINVAL;
	n = snprintf(buf, size, "%c%u", p->perm, p->domid);
	if (n < 0 || (size_t)n >= size)
		return -XEN_E2BIG;
	return n + 1;
}

static bool path_char_ok(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       (c >= '0' && c <= '9') || strchr("-/_@", c);
}

bool xs_path_ok(const char *path)
{
	size_t n = strnlen(path, XENSTORE_ABS_PATH_MAX + 1);

	if (!n || n > XENSTORE_ABS_PATH_MAX)
		return false;
	if (path[0] != '/' && n > XENSTORE_REL_PATH_MAX)
		return false;
	if (n > 1 && path[n - 1] == '/')
		return false;
	for (size_t i = 0; i < n; i++) {
		if (!path_char_ok(path[i]))
			return false;
		if (path[i] == '/' && path[i + 1] == '/')
			return false;
	}
	return true;
}
