/*
 * gdb_proto.h - what each packet of gdb's remote protocol asks, and the
 * reply, for a domain that is stopped. Pure (kernel/debug/gdb_proto.c):
 * the domain is reached through struct gdb_ops, so the host's unit tests
 * and fuzz harness drive it with a fake one. The stub (gdb_stub.c) moves
 * the bytes and supplies the real ops (gdb_target.c).
 *
 * The packets (gdb's manual, "Remote Protocol"): qSupported, ?, g, G, p,
 * P, m, M, Z0/z0 (software breakpoints), c, C, s, S, k, vKill, D, H, T,
 * qC, qAttached, qfThreadInfo, qsThreadInfo, qThreadExtraInfo,
 * QStartNoAckMode. Anything else gets the empty reply, "not supported",
 * which gdb knows how to live with (X, vCont, hardware breakpoints).
 */
#ifndef KERNEL_DEBUG_GDB_PROTO_H
#define KERNEL_DEBUG_GDB_PROTO_H

#include "kernel/debug/gdb_packet.h"
#include "kernel/debug/gdb_regs.h"

struct gdb_ops {
	/* Copies up to n bytes at addr; returns how many before the first
	 * unreadable one. Never faults. */
	size_t (*read_mem)(void *ctx, uint64_t addr, void *buf, size_t n);
	/* Writes all n bytes (read-only text included) or none: 0 or -1. */
	int (*write_mem)(void *ctx, uint64_t addr, const void *buf, size_t n);
	/* Thread tid's registers: 0, or -1 if there is no such thread. */
	int (*get_regs)(void *ctx, unsigned long tid, struct gdb_regs *r);
	/* Only the context that stopped can be changed: 0 or -1. */
	int (*set_regs)(void *ctx, unsigned long tid, const struct gdb_regs *r);
	/* The smallest thread id above `after`; 0 when there is none. */
	unsigned long (*next_thread)(void *ctx, unsigned long after);
	/* A few words on thread tid (its name, its state) into buf: 0, or
	 * -1 if there is no such thread. */
	int (*describe_thread)(void *ctx, unsigned long tid, char *buf,
			       size_t size);
};

#define GDB_BREAKPOINTS 64
#define GDB_INT3 0xcc

struct gdb_breakpoint {
	uint64_t addr;
	uint8_t saved; /* the byte int3 replaced, while inserted */
	bool used, inserted;
};

struct gdb_session {
	const struct gdb_ops *ops;
	void *ctx;
	/* The stop gdb is told about (gdb_session_stop). */
	unsigned long stop_tid;
	int stop_signal;
	bool stop_swbreak;	 /* at one of our breakpoints; rip moved back */
	unsigned long regs_tid;	 /* Hg: whose registers g, G, p, P mean */
	unsigned long list_next; /* qsThreadInfo goes on above this id */
	bool no_ack;		 /* QStartNoAckMode: no + and - any more */
	/* With GDB_RESUME: single-step or continue, and the signal gdb
	 * passes (C, S; 0 for c, s). */
	bool step;
	int resume_signal;
	struct gdb_breakpoint bp[GDB_BREAKPOINTS];
	uint8_t scratch[GDB_PACKET_MAX / 2]; /* m and M data */
};

enum gdb_action {
	GDB_REPLY,  /* send the reply, stay stopped */
	GDB_RESUME, /* c, s, C, S: no reply; the next stop is the reply */
	GDB_KILL,   /* k, vKill: end the domain (vKill's reply first) */
	GDB_DETACH, /* D: send the reply; breakpoints are gone; run */
};

void gdb_session_init(struct gdb_session *s, const struct gdb_ops *ops,
		      void *ctx);
/* The domain stopped in thread tid with signal (GDB_SIG*). */
void gdb_session_stop(struct gdb_session *s, unsigned long tid, int signal,
		      bool swbreak);
/*
 * Handles one packet's payload (len bytes, escapes undone). The reply
 * payload goes into reply (NUL-terminated; size at least
 * GDB_PACKET_MAX + 1; empty means "not supported").
 */
enum gdb_action gdb_dispatch(struct gdb_session *s, const char *pkt, size_t len,
			     char *reply, size_t size);
/* The stop reply: T<signal>thread:<tid>; (swbreak:; after ours). */
size_t gdb_stop_reply(const struct gdb_session *s, char *out, size_t size);

/* Gone, as a new gdb or a detach wants (none is inserted then). */
void gdb_breakpoints_forget(struct gdb_session *s);
/* Whether gdb has a breakpoint at addr (the stub asks when int3 traps:
 * the CPU reports the address after it). */
bool gdb_breakpoint_at(const struct gdb_session *s, uint64_t addr);
/* Before the domain runs: int3 at each breakpoint, the byte kept. */
void gdb_breakpoints_insert(struct gdb_session *s);
/* Once it stopped: the bytes back, so memory reads show the code. */
void gdb_breakpoints_remove(struct gdb_session *s);

/* Between gdb_proto.c and gdb_break.c (kernel/debug/gdb_break.c). */
#define E_PARSE "E01" /* a malformed packet */
#define E_FAULT "E0e" /* an address that cannot be read or written */
#define E_FULL "E1c"  /* no room for another breakpoint */
void gdb_say(char *reply, size_t size, const char *what);
/* "ADDR,LEN" then `stop` (or the end, for 0) at *p; 0 or -1. */
int gdb_parse_range(const char **p, const char *end, char stop, uint64_t *addr,
		    uint64_t *len);
/* Z0,ADDR,KIND (set) and z0,... */
void gdb_breakpoint_packet(struct gdb_session *s, bool set, const char *p,
			   const char *end, char *reply, size_t size);

#endif
