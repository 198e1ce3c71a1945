/*
 * kvproto.h - kvstore's line protocol (docs/blk.md, "kvstore"): one
 * request a line, ended by LF (a CR before it is dropped), one reply
 * line for each, in order:
 *   PUT key value   OK                 (stored, on disk)
 *   GET key         VALUE value | NOTFOUND
 *   DEL key         OK | NOTFOUND      (removed, on disk | was absent)
 *   STATS           STATS name=number ...
 *   QUIT            BYE, then the server closes
 *   anything else   ERR reason
 * A key is 1..KV_KEY_MAX bytes of printable ASCII without spaces; a
 * value is the rest of the line after one space, 0..KV_VALUE_MAX bytes,
 * no control byte but tab.
 */
#ifndef KVSTORE_KVPROTO_H
#define KVSTORE_KVPROTO_H

#include <stddef.h>

#include "kvformat.h"

/* The longest line that can be a request ("PUT " key " " value). */
#define KVP_LINE_MAX (4 + KV_KEY_MAX + 1 + KV_VALUE_MAX)

enum kvp_cmd { KVP_PUT, KVP_GET, KVP_DEL, KVP_STATS, KVP_QUIT, KVP_ERR };

struct kvp_req {
	enum kvp_cmd cmd;
	const char *key, *val; /* into the line */
	size_t klen, vlen;
	const char *err; /* KVP_ERR: the reason, for "ERR <reason>" */
};

/* line: len bytes without the LF. */
void kvp_parse(const char *line, size_t len, struct kvp_req *r);

#endif
