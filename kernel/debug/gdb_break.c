/*
 * gdb_break.c - software breakpoints for gdb_proto.c: the table gdb
 * fills with Z0 and empties with z0, and the int3 bytes written into the
 * code while the domain runs. Pure: memory is reached through s->ops,
 * whose write_mem gets past the code's read-only mapping
 * (kernel/debug/gdb_mem.c).
 *
 * The bytes are in the code only while the domain runs: inserted as it
 * resumes, taken out as soon as it stops, so that what gdb reads is the
 * code itself and a breakpoint never traps inside the stub.
 */
#include "kernel/debug/gdb_proto.h"

bool gdb_breakpoint_at(const struct gdb_session *s, uint64_t addr)
{
	for (unsigned int i = 0; i < GDB_BREAKPOINTS; i++)
		if (s->bp[i].used && s->bp[i].addr == addr)
			return true;
	return false;
}

/* Z0,ADDR,KIND / z0,ADDR,KIND: software breakpoints only. */
void gdb_breakpoint_packet(struct gdb_session *s, bool set, const char *p,
			   const char *end, char *reply, size_t size)
{
	struct gdb_breakpoint *free_slot = NULL;
	uint64_t addr, kind;
	uint8_t byte;

	if (p == end || *p != '0') {
		reply[0] = '\0'; /* hardware ones: not supported */
		return;
	}
	p++;
	if (p == end || *p++ != ',' ||
	    gdb_parse_range(&p, end, 0, &addr, &kind))
		return gdb_say(reply, size, E_PARSE);
	for (unsigned int i = 0; i < GDB_BREAKPOINTS; i++) {
		struct gdb_breakpoint *b = &s->bp[i];

		if (b->used && b->addr == addr) {
			if (!set)
				b->used = false;
			return gdb_say(reply, size, "OK");
		}
		if (!b->used && !free_slot)
			free_slot = b;
	}
	if (!set)
		return gdb_say(reply, size, "OK");
	if (!free_slot)
		return gdb_say(reply, size, E_FULL);
	/* The byte must be there, and patchable: try it now, not later. */
	if (s->ops->read_mem(s->ctx, addr, &byte, 1) != 1 ||
	    s->ops->write_mem(s->ctx, addr, &byte, 1))
		return gdb_say(reply, size, E_FAULT);
	*free_slot = (struct gdb_breakpoint){ .addr = addr, .used = true };
	gdb_say(reply, size, "OK");
}

void gdb_breakpoints_insert(struct gdb_session *s)
{
	static const uint8_t int3 = GDB_INT3;

	for (unsigned int i = 0; i < GDB_BREAKPOINTS; i++) {
		struct gdb_breakpoint *b = &s->bp[i];

		if (!b->used || b->inserted)
			continue;
		if (s->ops->read_mem(s->ctx, b->addr, &b->saved, 1) == 1 &&
		    !s->ops->write_mem(s->ctx, b->addr, &int3, 1))
			b->inserted = true;
	}
}

void gdb_breakpoints_remove(struct gdb_session *s)
{
	for (unsigned int i = 0; i < GDB_BREAKPOINTS; i++) {
		struct gdb_breakpoint *b = &s->bp[i];

		if (b->inserted)
			s->ops->write_mem(s->ctx, b->addr, &b->saved, 1);
		b->inserted = false;
	}
}

void gdb_breakpoints_forget(struct gdb_session *s)
{
	for (unsigned int i = 0; i < GDB_BREAKPOINTS; i++)
		s->bp[i].used = false;
}
