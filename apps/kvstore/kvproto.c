/*
 * kvproto.c - parsing one request line (kvproto.h).
 */
#include <string.h>

#include "kvproto.h"

static const char *check_key(const char *k, size_t n)
{
	if (!n)
		return "missing key";
	if (n > KV_KEY_MAX)
		return "key too long (at most 128 bytes)";
	for (size_t i = 0; i < n; i++)
		if (k[i] < 0x21 || k[i] > 0x7e)
			return "a key is printable ASCII without spaces";
	return NULL;
}

static const char *check_value(const char *v, size_t n)
{
	if (n > KV_VALUE_MAX)
		return "value too long (at most 1024 bytes)";
	for (size_t i = 0; i < n; i++)
		if ((unsigned char)v[i] < 0x20 && v[i] != '\t')
			return "a value holds no control byte but tab";
	return NULL;
}

static void fail(struct kvp_req *r, const char *why)
{
	r->cmd = KVP_ERR;
	r->err = why;
}

void kvp_parse(const char *line, size_t len, struct kvp_req *r)
{
	static const struct {
		const char *word;
		enum kvp_cmd cmd;
		int args; /* 0 none, 1 key, 2 key value */
		const char *usage;
	} cmds[] = {
		{ "PUT", KVP_PUT, 2, "usage: PUT key value" },
		{ "GET", KVP_GET, 1, "usage: GET key" },
		{ "DEL", KVP_DEL, 1, "usage: DEL key" },
		{ "STATS", KVP_STATS, 0, "usage: STATS" },
		{ "QUIT", KVP_QUIT, 0, "usage: QUIT" },
	};
	size_t w = 0, k;

	memset(r, 0, sizeof(*r));
	if (len && line[len - 1] == '\r')
		len--;
	while (w < len && line[w] != ' ')
		w++;
	for (size_t i = 0; i < sizeof(cmds) / sizeof(cmds[0]); i++) {
		if (strlen(cmds[i].word) != w || memcmp(line, cmds[i].word, w))
			continue;
		r->cmd = cmds[i].cmd;
		if (!cmds[i].args) {
			if (w != len)
				fail(r, cmds[i].usage);
			return;
		}
		if (w == len)
			return fail(r, cmds[i].usage);
		r->key = line + w + 1;
		k = w + 1;
		while (k < len && line[k] != ' ')
			k++;
		r->klen = k - (w + 1);
		if (cmds[i].args == 1 && k != len)
			return fail(r, cmds[i].usage);
		if (cmds[i].args == 2 && k == len)
			return fail(r, cmds[i].usage);
		if ((r->err = check_key(r->key, r->klen)))
			return fail(r, r->err);
		if (cmds[i].args == 2) {
			r->val = line + k + 1;
			r->vlen = len - k - 1;
			if ((r->err = check_value(r->val, r->vlen)))
				return fail(r, r->err);
		}
		return;
	}
	fail(r, w ? "unknown command (PUT, GET, DEL, STATS, QUIT)"
		  : "empty command");
}
