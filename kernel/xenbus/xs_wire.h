/*
 * xs_wire.h - the xenstore wire format, with no hypercall behind it
 * (kernel/xenbus/xs_wire.c, tests/unit/test_xs_wire.c): building requests,
 * checking replies, splitting NUL-separated strings, error names.
 *
 * A message is a struct xsd_sockmsg header (type, req_id, tx_id, len)
 * followed by len <= XENSTORE_PAYLOAD_MAX bytes. Strings in a payload are
 * NUL-terminated, except the value of an XS_WRITE, which runs to the end.
 * Everything the other end sends is checked here before it is used:
 * errors are negative Xen errnos, never a crash or an overflow.
 */
#ifndef PVMINI_XS_WIRE_H
#define PVMINI_XS_WIRE_H

#include <pvmini/lib.h>
#include <pvmini/xen.h>
#include <pvmini/xenstore.h>

#define XS_HDR_SIZE sizeof(struct xsd_sockmsg)
#define XS_MSG_MAX (XS_HDR_SIZE + XENSTORE_PAYLOAD_MAX)

/* One piece of a request's payload; nul: append a NUL after it. */
struct xs_part {
	const char *data;
	size_t len;
	bool nul;
};

/*
 * Builds header + payload into buf (cap bytes). Returns the message's
 * total length, or -XEN_E2BIG if the payload would exceed
 * XENSTORE_PAYLOAD_MAX or cap.
 */
int xs_build(void *buf, size_t cap, uint32_t type, uint32_t req_id,
	     uint32_t tx_id, const struct xs_part *parts, unsigned int n);

/*
 * Checks a header as it comes off the ring: 0, -XEN_E2BIG for a length
 * beyond XENSTORE_PAYLOAD_MAX, -XEN_EBADMSG for an unknown type.
 */
int xs_check_header(const struct xsd_sockmsg *h);

/*
 * Checks a whole reply to a request of type `sent` with id `req_id`:
 * 0 if it is that request's reply, the errno an XS_ERROR names,
 * -XEN_EBADMSG for a wrong id or type, an unknown or unterminated error
 * name.
 */
int xs_check_reply(const struct xsd_sockmsg *h, const char *payload,
		   uint32_t sent, uint32_t req_id);

/* XS_ERROR names <-> Xen errnos; unknown: -XEN_EBADMSG / "E?". */
int xs_error_from_name(const char *name, size_t len);

/*
 * Splits len bytes of NUL-terminated strings into out[max]. Returns the
 * count, -XEN_EBADMSG if the last string lacks its NUL, -XEN_E2BIG if
 * there are more than max.
 */
int xs_split(const char *payload, size_t len, const char **out,
	     unsigned int max);

/* A watch event's payload: "path\0token\0" (more strings are allowed). */
int xs_parse_watch_event(const char *payload, size_t len, const char **path,
			 const char **token);

/* One permission string ("r5") to a struct; -XEN_EINVAL if malformed. */
int xs_parse_perm(const char *s, struct xs_perm *p);
/* ... and back: writes "r5\0" into buf; length with the NUL or -E2BIG. */
int xs_format_perm(const struct xs_perm *p, char *buf, size_t size);

#endif
