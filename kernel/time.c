/*
 * time.c - Xen system time from the pvclock in vcpu_info.
 *
 * Xen publishes, per vcpu, a (tsc_timestamp, system_time) pair and the
 * scale from TSC ticks to ns. Now = system_time + scaled(rdtsc - stamp).
 * Xen updates the record under a version counter that is odd while the
 * update is in progress, so readers retry until they see the same even
 * version before and after (a seqlock).
 */
#include <arch/cpu.h>
#include <pvmini/kernel.h>
#include <pvmini/time.h>

uint64_t monotonic_ns(void)
{
	const volatile struct vcpu_time_info *t =
		&shared_info->vcpu_info[0].time;
	uint32_t version;
	uint64_t delta, ns;

	do {
		version = t->version;
		barrier();
		delta = rdtsc() - t->tsc_timestamp;
		if (t->tsc_shift >= 0)
			delta <<= t->tsc_shift;
		else
			delta >>= -t->tsc_shift;
		/* 64x32-bit multiply kept in 128 bits: no overflow. */
		ns = t->system_time + (uint64_t)(((unsigned __int128)delta *
						  t->tsc_to_system_mul) >>
						 32);
		barrier();
	} while ((version & 1) || version != t->version);
	return ns;
}
