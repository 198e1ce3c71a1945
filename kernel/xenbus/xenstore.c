/*
 * xenstore.c - the xenstore operations on top of the connection
 * (kernel/xenbus/xs_ring.c): each is one request and one reply, the payload
 * laid out as xen/io/xs_wire.h and docs/xenstore.md describe.
 */
#include <pvmini/console.h>
#include <pvmini/kernel.h>
#include <pvmini/page_alloc.h>
#include <pvmini/trace.h>
#include "xs_internal.h"

static bool connected;

bool xenstore_available(void)
{
	return connected;
}

/* A path as a NUL-terminated string, checked before it goes out. */
static int path_part(const char *path, struct xs_part *p)
{
	if (!path || !xs_path_ok(path))
		return -XEN_EINVAL;
	*p = (struct xs_part){ path, strlen(path), true };
	return 0;
}

/* A request whose reply carries nothing we need ("OK"). */
static int simple(uint32_t type, xs_tx_t tx, const struct xs_part *parts,
		  unsigned int n)
{
	char *reply;
	uint32_t len;
	int rc = xs_request(type, tx, parts, n, &reply, &len);

	if (!rc)
		kfree(reply);
	return rc;
}

static int path_request(uint32_t type, xs_tx_t tx, const char *path,
			char **reply, uint32_t *len)
{
	struct xs_part p;
	int rc = path_part(path, &p);

	return rc ? rc : xs_request(type, tx, &p, 1, reply, len);
}

int xs_read(xs_tx_t tx, const char *path, char *buf, size_t size)
{
	char *reply;
	uint32_t len;
	int rc = path_request(XS_READ, tx, path, &reply, &len);

	if (rc)
		return rc;
	if (len >= size) {
		rc = -XEN_E2BIG;
	} else {
		memcpy(buf, reply, len);
		buf[len] = '\0';
		rc = (int)len;
	}
	kfree(reply);
	return rc;
}

int xs_write(xs_tx_t tx, const char *path, const char *value)
{
	struct xs_part p[2];
	int rc = path_part(path, &p[0]);

	if (rc)
		return rc;
	/* The value runs to the end of the payload: no NUL of its own. */
	p[1] = (struct xs_part){ value, strlen(value), false };
	return simple(XS_WRITE, tx, p, 2);
}

int xs_printf(xs_tx_t tx, const char *path, const char *fmt, ...)
{
	char value[256];
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(value, sizeof(value), fmt, ap);
	va_end(ap);
	if (n < 0 || (size_t)n >= sizeof(value))
		return -XEN_E2BIG;
	return xs_write(tx, path, value);
}

int xs_mkdir(xs_tx_t tx, const char *path)
{
	struct xs_part p;
	int rc = path_part(path, &p);

	return rc ? rc : simple(XS_MKDIR, tx, &p, 1);
}

int xs_rm(xs_tx_t tx, const char *path)
{
	struct xs_part p;
	int rc = path_part(path, &p);

	return rc ? rc : simple(XS_RM, tx, &p, 1);
}

/* A reply of NUL-terminated strings, copied into buf and split. */
static int strings(uint32_t type, xs_tx_t tx, const char *path, char *buf,
		   size_t size, const char **out, unsigned int max)
{
	char *reply;
	uint32_t len;
	int rc = path_request(type, tx, path, &reply, &len);

	if (rc)
		return rc;
	if (len > size) {
		rc = -XEN_E2BIG;
	} else {
		memcpy(buf, reply, len);
		rc = xs_split(buf, len, out, max);
		if (rc == -XEN_EBADMSG)
			printk("xenstore: reply to %s: strings without NUL\n",
			       path);
	}
	kfree(reply);
	return rc;
}

int xs_directory(xs_tx_t tx, const char *path, char *buf, size_t size,
		 const char **names, unsigned int max)
{
	return strings(XS_DIRECTORY, tx, path, buf, size, names, max);
}

#define PERMS_MAX 32

int xs_get_perms(xs_tx_t tx, const char *path, struct xs_perm *perms,
		 unsigned int max)
{
	char buf[PERMS_MAX * 8];
	const char *s[PERMS_MAX];
	int n = strings(XS_GET_PERMS, tx, path, buf, sizeof(buf), s, PERMS_MAX);

	if (n < 0)
		return n;
	if ((unsigned int)n > max)
		return -XEN_E2BIG;
	for (int i = 0; i < n; i++)
		if (xs_parse_perm(s[i], &perms[i]))
			return -XEN_EBADMSG;
	return n;
}

int xs_set_perms(xs_tx_t tx, const char *path, const struct xs_perm *perms,
		 unsigned int n)
{
	char text[PERMS_MAX][8];
	struct xs_part p[PERMS_MAX + 1];
	int rc = path_part(path, &p[0]);

	if (rc)
		return rc;
	if (!n || n > PERMS_MAX)
		return -XEN_EINVAL;
	for (unsigned int i = 0; i < n; i++) {
		rc = xs_format_perm(&perms[i], text[i], sizeof(text[i]));
		if (rc < 0)
			return rc;
		p[i + 1] = (struct xs_part){ text[i], (size_t)rc - 1, true };
	}
	return simple(XS_SET_PERMS, tx, p, n + 1);
}

int xs_transaction_start(xs_tx_t *tx)
{
	/* The payload is one empty string; the reply, the id in decimal. */
	struct xs_part p = { "", 0, true };
	char *reply;
	uint32_t len;
	unsigned long id = 0;
	int rc = xs_request(XS_TRANSACTION_START, XS_TX_NONE, &p, 1, &reply,
			    &len);

	if (rc)
		return rc;
	/* (0 is XS_TX_NONE: never a transaction's id) */
	if (parse_ulong(reply, 0xffffffffUL, &id) || !id)
		rc = -XEN_EBADMSG;
	kfree(reply);
	if (!rc)
		*tx = (xs_tx_t)id;
	return rc;
}

int xs_transaction_end(xs_tx_t tx, bool abort)
{
	struct xs_part p = { abort ? "F" : "T", 1, true };

	return simple(XS_TRANSACTION_END, tx, &p, 1);
}

int xs_transaction(int (*fn)(xs_tx_t tx, void *arg), void *arg)
{
	int rc = -XEN_EAGAIN;

	for (int i = 0; i < XS_TX_TRIES && rc == -XEN_EAGAIN; i++) {
		xs_tx_t tx;

		rc = xs_transaction_start(&tx);
		if (rc)
			return rc;
		rc = fn(tx, arg);
		if (rc) {
			xs_transaction_end(tx, true);
			/* A read inside may have seen EAGAIN too: redo. */
			continue;
		}
		rc = xs_transaction_end(tx, false);
	}
	return rc;
}

int xs_read_ulong(xs_tx_t tx, const char *path, unsigned long max,
		  unsigned long *val)
{
	char buf[24];
	int rc = xs_read(tx, path, buf, sizeof(buf));

	if (rc == -XEN_E2BIG)
		return -XEN_EBADMSG;
	if (rc < 0)
		return rc;
	return parse_ulong(buf, max, val) ? -XEN_EBADMSG : 0;
}

int xs_domid(void)
{
	unsigned long id;
	int rc = xs_read_ulong(XS_TX_NONE, "domid", DOMID_FIRST_RESERVED - 1,
			       &id);

	return rc ? rc : (int)id;
}

void xenstore_init(void)
{
	if (is_dom0() || !start_info->store_mfn) {
		trace_boot("xenstore: none (%s): skipped",
			   is_dom0() ? "dom0" : "no store_mfn");
		return;
	}
	if (xs_ring_connect() || xs_watch_start())
		return;
	connected = true;
	lifecycle_init();
}
