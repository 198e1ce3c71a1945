/*
 * time.c - the C library's clocks, from Xen's.
 *
 * Wall-clock time (gettimeofday, time, CLOCK_REALTIME) is Xen's wall-clock
 * base in shared_info plus system time (wallclock_ns); CLOCK_MONOTONIC is
 * the pvclock's system time since the domain started (monotonic_ns).
 * Sleeping puts the calling thread on a one-shot Xen timer: the vCPU
 * blocks in Xen, it never spins.
 */
#include <sys/time.h>
#include <sys/times.h>
#include <time.h>
#include <unistd.h>

#include <pvmini/thread.h>
#include <pvmini/time.h>

#include "glue.h"

static void ns_to_timespec(uint64_t ns, struct timespec *ts)
{
	ts->tv_sec = ns / NSEC_PER_SEC;
	ts->tv_nsec = ns % NSEC_PER_SEC;
}

int gettimeofday(struct timeval *tv, void *tz)
{
	uint64_t ns = wallclock_ns();

	(void)tz; /* obsolete; POSIX leaves it unspecified */
	if (tv) {
		tv->tv_sec = ns / NSEC_PER_SEC;
		tv->tv_usec = ns % NSEC_PER_SEC / NSEC_PER_USEC;
	}
	return 0;
}

int clock_gettime(clockid_t id, struct timespec *ts)
{
	if (id == CLOCK_REALTIME)
		ns_to_timespec(wallclock_ns(), ts);
	else if (id == CLOCK_MONOTONIC)
		ns_to_timespec(monotonic_ns(), ts);
	else
		return glue_fail(EINVAL);
	return 0;
}

int clock_getres(clockid_t id, struct timespec *res)
{
	if (id != CLOCK_REALTIME && id != CLOCK_MONOTONIC)
		return glue_fail(EINVAL);
	if (res)
		ns_to_timespec(1, res); /* the pvclock counts nanoseconds */
	return 0;
}

int nanosleep(const struct timespec *req, struct timespec *rem)
{
	if (req->tv_sec < 0 || req->tv_nsec < 0 || req->tv_nsec >= 1000000000L)
		return glue_fail(EINVAL);
	/* Nothing interrupts a sleep here: the full time always passes. */
	thread_sleep_ns((uint64_t)req->tv_sec * NSEC_PER_SEC + req->tv_nsec);
	if (rem)
		*rem = (struct timespec){ 0, 0 };
	return 0;
}

unsigned int sleep(unsigned int secs)
{
	thread_sleep_ns((uint64_t)secs * NSEC_PER_SEC);
	return 0;
}

int usleep(useconds_t usecs)
{
	thread_sleep_ns((uint64_t)usecs * NSEC_PER_USEC);
	return 0;
}

/* clock() and times(): all time since boot counts as this one process's. */
clock_t times(struct tms *buf)
{
	clock_t ticks = monotonic_ns() / (NSEC_PER_SEC / CLK_TCK);

	*buf = (struct tms){ .tms_utime = ticks };
	return ticks;
}
