/*
 * timeconv.c - time arithmetic with no hypercall inside: the pvclock's
 * scaling and calendar dates. Unit-tested on the host (test_timeconv).
 */
#include <pvmini/lib.h>
#include <pvmini/time.h>
#include "kernel/xen/pvclock.h"

uint64_t pvclock_scale(uint64_t delta, uint32_t mul, int8_t shift)
{
	/*
	 * Xen's formula is ((delta << shift) * mul) >> 32. Done in 128 bits,
	 * neither the shift nor the product can overflow, however long the
	 * TSC ran since Xen's last stamp.
	 */
	unsigned __int128 d = delta;

	if (shift >= 0)
		d <<= shift;
	else
		d >>= -shift;
	return (uint64_t)((d * mul) >> 32);
}

int64_t pvclock_resume_offset(uint64_t suspend_mono, uint64_t suspend_wall,
			      uint64_t xen_now, uint64_t wall_now,
			      uint64_t *away)
{
	/* A wall clock set back meanwhile: no time passed, rather than
	 * monotonic time going back. */
	*away = wall_now > suspend_wall ? wall_now - suspend_wall : 0;
	return (int64_t)(suspend_mono + *away - xen_now);
}

static bool is_leap(uint64_t year)
{
	return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

/*
 * Skips whole 400-year Gregorian cycles (always 146097 days), then walks
 * years and months from there: at most ~400 steps for any input.
 */
void civil_from_epoch(uint64_t secs, struct civil_time *out)
{
	static const uint8_t month_days[12] = { 31, 28, 31, 30, 31, 30,
						31, 31, 30, 31, 30, 31 };
	uint64_t days = secs / 86400, rem = secs % 86400, year = 1970;
	int month = 0;

	year += 400 * (days / 146097);
	days %= 146097;
	while (days >= (is_leap(year) ? 366U : 365U)) {
		days -= is_leap(year) ? 366 : 365;
		year++;
	}
	for (;; month++) {
		unsigned int len =
			month_days[month] + (month == 1 && is_leap(year));

		if (days < len)
			break;
		days -= len;
	}
	out->year = (long)year;
	out->month = month + 1;
	out->day = (int)days + 1;
	out->hour = (int)(rem / 3600);
	out->min = (int)(rem / 60 % 60);
	out->sec = (int)(rem % 60);
}

int format_utc(char *buf, unsigned long size, uint64_t secs)
{
	struct civil_time t;

	civil_from_epoch(secs, &t);
	return snprintf(buf, size, "%04ld-%02d-%02d %02d:%02d:%02d UTC", t.year,
			t.month, t.day, t.hour, t.min, t.sec);
}
