/*
 * time.c - Xen system time from the pvclock in vcpu_info, and the wall
 * clock from shared_info.
 *
 * Xen publishes, per vcpu, a (tsc_timestamp, system_time) pair and the
 * scale from TSC ticks to ns. Now = system_time + scaled(rdtsc - stamp).
 * Xen updates the record under a version counter that is odd while the
 * update is in progress, so readers retry until they see the same even
 * version before and after (a seqlock). The wall clock is a second
 * seqlocked record: the UTC time at which system time was zero.
 */
#include <arch/cpu.h>
#include <pvmini/kernel.h>
#include <pvmini/time.h>
#include "kernel/xen/pvclock.h"
#include "kernel/xen/clock.h"

static uint64_t pvclock_read(void)
{
	const volatile struct vcpu_time_info *t =
		&shared_info->vcpu_info[0].time;
	uint32_t version;
	int64_t delta;
	uint64_t ns;

	do {
		version = t->version;
		__atomic_thread_fence(__ATOMIC_ACQUIRE);
		/*
		 * Modular difference: a domU's TSC is offset to start near 0
		 * when the domain is built, and Xen's stamp for a time before
		 * that is "negative" (a huge unsigned value). Comparing the
		 * two as unsigned numbers would freeze the clock.
		 */
		delta = (int64_t)(rdtsc() - t->tsc_timestamp);
		ns = t->system_time +
		     pvclock_scale(delta > 0 ? (uint64_t)delta : 0,
				   t->tsc_to_system_mul, t->tsc_shift);
		__atomic_thread_fence(__ATOMIC_ACQUIRE);
	} while ((version & 1) || version != t->version);
	return ns;
}

/*
 * Xen re-bases system_time now and then (calibration), and the new base
 * may sit a few ns behind what the old scale had reached. Callers need a
 * clock that never goes back: return the larger of now and the last
 * value handed out. The CAS makes an upcall that reads the clock in the
 * middle of our update harmless.
 */
/*
 * monotonic_ns() - Xen's system time: 0 until a restore. Xen's system
 * time is the host's, so in a domain restored on another host (or after
 * a host reboot) it is another clock altogether. The clock a domain
 * sees must not care: across a restore, monotonic time goes on from
 * where it stopped plus the time the domain was away as the wall clock
 * measured it (docs/suspend.md says why that is the right time).
 */
static int64_t offset;
static uint64_t suspend_mono, suspend_wall;

uint64_t monotonic_ns(void)
{
	static uint64_t last;
	uint64_t now = pvclock_read() + (uint64_t)offset;
	uint64_t seen = __atomic_load_n(&last, __ATOMIC_RELAXED);

	do {
		if (now <= seen)
			return seen;
	} while (!__atomic_compare_exchange_n(
		&last, &seen, now, false, __ATOMIC_RELAXED, __ATOMIC_RELAXED));
	return now;
}

/* The UTC time at which Xen's system time was 0. */
static uint64_t wallclock_base(void)
{
	const volatile struct shared_info *s = shared_info;
	uint32_t version;
	uint64_t sec, nsec;

	do {
		version = s->wc_version;
		__atomic_thread_fence(__ATOMIC_ACQUIRE);
		sec = ((uint64_t)s->wc_sec_hi << 32) | s->wc_sec;
		nsec = s->wc_nsec;
		__atomic_thread_fence(__ATOMIC_ACQUIRE);
	} while ((version & 1) || version != s->wc_version);
	return sec * NSEC_PER_SEC + nsec;
}

uint64_t wallclock_ns(void)
{
	return wallclock_base() + (monotonic_ns() - (uint64_t)offset);
}

uint64_t monotonic_to_xen(uint64_t ns)
{
	uint64_t xen = ns - (uint64_t)offset;

	/* A deadline from before Xen's time began is simply due. */
	if (offset > 0 && ns < (uint64_t)offset)
		return 0;
	return xen;
}

void pvclock_suspend(void)
{
	suspend_mono = monotonic_ns();
	suspend_wall = wallclock_ns();
}

uint64_t pvclock_resume(void)
{
	uint64_t xen = pvclock_read(), away;

	offset = pvclock_resume_offset(suspend_mono, suspend_wall, xen,
				       wallclock_base() + xen, &away);
	return away;
}
