/*
 * gdb_proto.c - the remote protocol's packets for a stopped domain
 * (gdb_proto.h). Pure: the domain is reached through s->ops only.
 * Every malformed packet gets an error reply (E01), never a guess:
 * numbers are hex and must be whole, lengths must match their data.
 */
#include "kernel/debug/gdb_proto.h"

#define E_THREAD "E03" /* no such thread, or its registers are fixed */

void gdb_session_init(struct gdb_session *s, const struct gdb_ops *ops,
		      void *ctx)
{
	memset(s, 0, sizeof(*s));
	s->ops = ops;
	s->ctx = ctx;
}

void gdb_session_stop(struct gdb_session *s, unsigned long tid, int signal,
		      bool swbreak)
{
	s->stop_tid = tid;
	s->stop_signal = signal;
	s->stop_swbreak = swbreak;
	s->regs_tid = tid;
}

size_t gdb_stop_reply(const struct gdb_session *s, char *out, size_t size)
{
	int n = snprintf(out, size, "T%02xthread:%lx;%s", s->stop_signal & 0xff,
			 s->stop_tid, s->stop_swbreak ? "swbreak:;" : "");

	return n < 0 || (size_t)n >= size ? 0 : (size_t)n;
}

void gdb_say(char *reply, size_t size, const char *what)
{
	snprintf(reply, size, "%s", what);
}

/* "-1" (all threads), "0" (any) or a hex id; -1 for neither. */
static int parse_tid(const char **p, const char *end, long *tid)
{
	uint64_t v;

	if (end - *p >= 2 && (*p)[0] == '-' && (*p)[1] == '1') {
		*p += 2;
		*tid = -1;
		return 0;
	}
	if (gdb_parse_hex(p, end, &v) || v > (uint64_t)__LONG_MAX__)
		return -1;
	*tid = (long)v;
	return 0;
}

static bool thread_exists(struct gdb_session *s, unsigned long tid)
{
	char buf[8];

	return s->ops->describe_thread(s->ctx, tid, buf, sizeof(buf)) == 0;
}

int gdb_parse_range(const char **p, const char *end, char stop, uint64_t *addr,
		    uint64_t *len)
{
	if (gdb_parse_hex(p, end, addr) || *p == end || **p != ',')
		return -1;
	(*p)++;
	if (gdb_parse_hex(p, end, len))
		return -1;
	if (stop ? (*p == end || **p != stop) : *p != end)
		return -1;
	if (stop)
		(*p)++;
	return 0;
}

static void read_memory(struct gdb_session *s, const char *p, const char *end,
			char *reply, size_t size)
{
	uint64_t addr, len;
	size_t got;

	if (gdb_parse_range(&p, end, 0, &addr, &len))
		return gdb_say(reply, size, E_PARSE);
	if (len > sizeof(s->scratch))
		len = sizeof(s->scratch);
	if (len > (size - 1) / 2)
		len = (size - 1) / 2;
	got = s->ops->read_mem(s->ctx, addr, s->scratch, (size_t)len);
	/* A short read is fine (gdb asks on from there); none is not. */
	if (!got && len)
		return gdb_say(reply, size, E_FAULT);
	gdb_hex_encode(s->scratch, got, reply, size);
}

static void write_memory(struct gdb_session *s, const char *p, const char *end,
			 char *reply, size_t size)
{
	uint64_t addr, len;

	if (gdb_parse_range(&p, end, ':', &addr, &len) ||
	    len > sizeof(s->scratch) || (uint64_t)(end - p) != 2 * len ||
	    gdb_hex_decode(p, (size_t)(end - p), s->scratch, (size_t)len) !=
		    (long)len)
		return gdb_say(reply, size, E_PARSE);
	if (len && s->ops->write_mem(s->ctx, addr, s->scratch, (size_t)len))
		return gdb_say(reply, size, E_FAULT);
	gdb_say(reply, size, "OK");
}

static void registers(struct gdb_session *s, char op, const char *p,
		      const char *end, char *reply, size_t size)
{
	struct gdb_regs r;
	uint64_t regno;

	if (s->ops->get_regs(s->ctx, s->regs_tid, &r))
		return gdb_say(reply, size, E_THREAD);
	if (op == 'g') {
		if (p != end)
			return gdb_say(reply, size, E_PARSE);
		gdb_regs_encode(&r, reply, size);
		return;
	}
	if (op == 'G') {
		if (gdb_regs_decode(p, (size_t)(end - p), &r))
			return gdb_say(reply, size, E_PARSE);
	} else {
		if (gdb_parse_hex(&p, end, &regno))
			return gdb_say(reply, size, E_PARSE);
		if (op == 'p') {
			if (p != end)
				return gdb_say(reply, size, E_PARSE);
			/* x87 and SSE: gdb reads "x..." as unavailable. */
			if (regno >= GDB_NREGS)
				gdb_say(reply, size, "xxxxxxxxxxxxxxxx");
			else
				gdb_reg_encode(&r, (unsigned int)regno, reply,
					       size);
			return;
		}
		if (p == end || *p++ != '=' || regno >= GDB_NREGS ||
		    gdb_reg_decode(&r, (unsigned int)regno, p,
				   (size_t)(end - p)))
			return gdb_say(reply, size, E_PARSE);
	}
	if (s->ops->set_regs(s->ctx, s->regs_tid, &r))
		return gdb_say(reply, size, E_THREAD);
	gdb_say(reply, size, "OK");
}

/* qfThreadInfo (from the start) and qsThreadInfo (on): "m1,2,..." as
 * far as fits, then "l". */
static void thread_list(struct gdb_session *s, char *reply, size_t size)
{
	size_t at = 0;
	unsigned long tid = s->list_next;

	while ((tid = s->ops->next_thread(s->ctx, tid))) {
		int n;

		if (size - at < 24) /* room for one more id and the NUL */
			break;
		n = snprintf(reply + at, size - at, "%c%lx", at ? ',' : 'm',
			     tid);
		at += (size_t)n;
		s->list_next = tid;
	}
	if (!at)
		gdb_say(reply, size, "l");
}

static void thread_extra_info(struct gdb_session *s, const char *p,
			      const char *end, char *reply, size_t size)
{
	char text[80];
	long tid;

	if (parse_tid(&p, end, &tid) || p != end || tid <= 0)
		return gdb_say(reply, size, E_PARSE);
	if (s->ops->describe_thread(s->ctx, (unsigned long)tid, text,
				    sizeof(text)))
		return gdb_say(reply, size, E_THREAD);
	gdb_hex_encode(text, strnlen(text, sizeof(text)), reply, size);
}

/* Hg / Hc: which thread the next register access or resume means. */
static void set_thread(struct gdb_session *s, const char *p, const char *end,
		       char *reply, size_t size)
{
	char which = p < end ? *p++ : 0;
	long tid;

	if ((which != 'g' && which != 'c') || parse_tid(&p, end, &tid) ||
	    p != end)
		return gdb_say(reply, size, E_PARSE);
	if (tid > 0 && !thread_exists(s, (unsigned long)tid))
		return gdb_say(reply, size, E_THREAD);
	/* Only the stopped context runs or steps: Hc just agrees. */
	if (which == 'g')
		s->regs_tid = tid > 0 ? (unsigned long)tid : s->stop_tid;
	gdb_say(reply, size, "OK");
}

/* c/s [ADDR], C/S SIG[;ADDR]: the address moves rip first. */
static enum gdb_action resume(struct gdb_session *s, char op, const char *p,
			      const char *end, char *reply, size_t size)
{
	uint64_t sig = 0, addr;
	struct gdb_regs r;

	if (op == 'C' || op == 'S') {
		if (gdb_parse_hex(&p, end, &sig) || sig > 0xff)
			goto bad;
		if (p != end && *p++ != ';')
			goto bad;
	}
	if (p != end) {
		if (gdb_parse_hex(&p, end, &addr) || p != end ||
		    s->ops->get_regs(s->ctx, s->stop_tid, &r))
			goto bad;
		r.v[GDB_RIP] = addr;
		if (s->ops->set_regs(s->ctx, s->stop_tid, &r))
			goto bad;
	}
	s->step = op == 's' || op == 'S';
	s->resume_signal = (int)sig;
	return GDB_RESUME;
bad:
	gdb_say(reply, size, E_PARSE);
	return GDB_REPLY;
}

static bool is(const char *pkt, const char *end, const char *word)
{
	size_t n = strlen(word);

	return (size_t)(end - pkt) >= n && !memcmp(pkt, word, n);
}

static enum gdb_action query(struct gdb_session *s, const char *pkt,
			     const char *end, char *reply, size_t size)
{
	if (is(pkt, end, "qSupported")) {
		/* A new gdb: nothing of an earlier one's holds. */
		gdb_breakpoints_forget(s);
		s->no_ack = false;
		s->regs_tid = s->stop_tid;
		snprintf(reply, size, "PacketSize=%x;QStartNoAckMode+;swbreak+",
			 GDB_PACKET_MAX);
	} else if (is(pkt, end, "QStartNoAckMode") && end - pkt == 15) {
		s->no_ack = true;
		gdb_say(reply, size, "OK");
	} else if (is(pkt, end, "qC") && end - pkt == 2) {
		snprintf(reply, size, "QC%lx", s->stop_tid);
	} else if (is(pkt, end, "qAttached")) {
		gdb_say(reply, size, "1"); /* quitting gdb detaches */
	} else if (is(pkt, end, "qfThreadInfo") && end - pkt == 12) {
		s->list_next = 0;
		thread_list(s, reply, size);
	} else if (is(pkt, end, "qsThreadInfo") && end - pkt == 12) {
		thread_list(s, reply, size);
	} else if (is(pkt, end, "qThreadExtraInfo,")) {
		thread_extra_info(s, pkt + 17, end, reply, size);
	} else {
		reply[0] = '\0';
	}
	return GDB_REPLY;
}

enum gdb_action gdb_dispatch(struct gdb_session *s, const char *pkt, size_t len,
			     char *reply, size_t size)
{
	const char *end = pkt + len, *p = pkt + 1;
	long tid;

	reply[0] = '\0';
	if (!len)
		return GDB_REPLY;
	switch (pkt[0]) {
	case '?':
		gdb_stop_reply(s, reply, size);
		break;
	case 'g':
	case 'G':
	case 'p':
	case 'P':
		registers(s, pkt[0], p, end, reply, size);
		break;
	case 'm':
		read_memory(s, p, end, reply, size);
		break;
	case 'M':
		write_memory(s, p, end, reply, size);
		break;
	case 'Z':
	case 'z':
		gdb_breakpoint_packet(s, pkt[0] == 'Z', p, end, reply, size);
		break;
	case 'c':
	case 'C':
	case 's':
	case 'S':
		return resume(s, pkt[0], p, end, reply, size);
	case 'k':
		return GDB_KILL;
	case 'D':
		gdb_breakpoints_forget(s);
		gdb_say(reply, size, "OK");
		return GDB_DETACH;
	case 'H':
		set_thread(s, p, end, reply, size);
		break;
	case 'T':
		if (parse_tid(&p, end, &tid) || p != end)
			gdb_say(reply, size, E_PARSE);
		else
			gdb_say(reply, size,
				tid > 0 && thread_exists(s, (unsigned long)tid)
					? "OK"
					: E_THREAD);
		break;
	case 'q':
	case 'Q':
		return query(s, pkt, end, reply, size);
	case 'v':
		if (is(pkt, end, "vKill")) {
			gdb_say(reply, size, "OK");
			return GDB_KILL;
		}
		break; /* vCont?, vMustReplyEmpty, ...: not supported */
	}
	return GDB_REPLY;
}
