/*
 * time.h - Xen system time (nanoseconds since the domain's boot, from the
 * pvclock in vcpu_info), the wall clock from shared_info, and the pure
 * calendar conversions (kernel/xen/pvclock.c, kernel/xen/time_math.c).
 */
#ifndef PVMINI_TIME_H
#define PVMINI_TIME_H

#include <stdint.h>

#define NSEC_PER_USEC 1000UL
#define NSEC_PER_MSEC 1000000UL
#define NSEC_PER_SEC 1000000000UL

/* Monotonic ns from vcpu 0's pvclock; needs shared_info mapped. */
uint64_t monotonic_ns(void);
/* Nanoseconds since the Unix epoch (UTC): Xen's wall-clock base + now. */
uint64_t wallclock_ns(void);

/* A broken-down UTC date. */
struct civil_time {
	long year;
	int month, day; /* month 1..12, day 1..31 */
	int hour, min, sec;
};

/* Seconds since the epoch to a UTC date (proleptic Gregorian). */
void civil_from_epoch(uint64_t secs, struct civil_time *out);
/* "YYYY-MM-DD HH:MM:SS UTC" into buf; returns snprintf's count. */
int format_utc(char *buf, unsigned long size, uint64_t secs);

#endif
