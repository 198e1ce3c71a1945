/*
 * test_timeconv.c - pvclock scaling, the clock offset after a restore
 * and calendar dates (kernel/xen/time_math.c) against independent
 * references: the host's gmtime, a 128-bit computation of Xen's formula,
 * and the rule of docs/suspend.md for time across a restore.
 */
#include <pvmini/time.h>
#include <time.h>
#include "kernel/xen/pvclock.h"
#include "unit.h"

static uint64_t reference_scale(uint64_t delta, uint32_t mul, int shift)
{
	long double d = (long double)delta;

	d = shift >= 0 ? d * (1ULL << shift) : d / (1ULL << -shift);
	return (uint64_t)(d * mul / 4294967296.0L);
}

TEST(scale_matches_formula)
{
	CHECK(pvclock_scale(0, 0x80000000u, 0) == 0);
	/* mul = 2^31, shift 0: half a ns per tick. */
	CHECK(pvclock_scale(1000, 0x80000000u, 0) == 500);
	/* shift -1 halves, +1 doubles before the multiply. */
	CHECK(pvclock_scale(1000, 0x80000000u, -1) == 250);
	CHECK(pvclock_scale(1000, 0x80000000u, 1) == 1000);
}

TEST(scale_does_not_overflow_for_long_uptimes)
{
	/* A 3 GHz TSC (mul ~ 0.333 * 2^32) after ten years: 9.5e17 ticks. */
	uint64_t ticks = 3000000000ULL * 3600 * 24 * 3650;
	uint32_t mul = 1431655765u; /* 2^32 / 3 */
	uint64_t ns = pvclock_scale(ticks, mul, 0);
	uint64_t want = reference_scale(ticks, mul, 0);

	CHECK(ns + 2 >= want && ns <= want + 2);
	/* With a left shift the shifted delta exceeds 64 bits. */
	ns = pvclock_scale(1ULL << 63, 0x80000000u, 1);
	CHECK(ns == 1ULL << 63);
}

TEST(dates_match_gmtime)
{
	static const uint64_t samples[] = {
		0,	    59,		60,	    86399,	86400,
		951782400,  951868800,	1795571994, 4107542400, 253402300799,
		1709164800, 1709251199, 1234567890, 2147483647, 2147483648,
	};

	for (unsigned int i = 0; i < sizeof(samples) / sizeof(samples[0]);
	     i++) {
		time_t s = (time_t)samples[i];
		struct tm *g = gmtime(&s);
		struct civil_time c;

		civil_from_epoch(samples[i], &c);
		CHECK(c.year == g->tm_year + 1900);
		CHECK(c.month == g->tm_mon + 1);
		CHECK(c.day == g->tm_mday);
		CHECK(c.hour == g->tm_hour && c.min == g->tm_min &&
		      c.sec == g->tm_sec);
	}
}

TEST(every_day_for_600_years_matches_gmtime)
{
	for (uint64_t s = 43200; s < 600ULL * 366 * 86400; s += 86400) {
		time_t t = (time_t)s;
		struct tm *g = gmtime(&t);
		struct civil_time c;

		civil_from_epoch(s, &c);
		CHECK(c.year == g->tm_year + 1900 && c.month == g->tm_mon + 1 &&
		      c.day == g->tm_mday);
	}
}

TEST(format)
{
	char buf[40];

	format_utc(buf, sizeof(buf), 1795571994);
	CHECK_STR(buf, "2026-11-25 01:59:54 UTC");
	/* Huge inputs end, with a huge year, rather than loop for ever. */
	CHECK(format_utc(buf, sizeof(buf), UINT64_MAX) > 0);
}

/* Across a restore monotonic time (Xen's time + offset) goes on from
 * where it stopped plus the wall-clock time away, whatever Xen's clock
 * does on the new host. */
TEST(resume_offset_carries_monotonic_time_over)
{
	uint64_t away;
	const uint64_t s = 1000000000ULL;
	/* saved at monotonic 50 s, wall 1700000000 s */
	const uint64_t mono = 50 * s, wall = 1700000000ULL * s;
	int64_t off;

	/* same host: Xen's clock went on by the 7 s away */
	off = pvclock_resume_offset(mono, wall, 57 * s, wall + 7 * s, &away);
	CHECK(away == 7 * s && off == 0);
	/* another host, whose Xen booted 3 s ago */
	off = pvclock_resume_offset(mono, wall, 3 * s, wall + 7 * s, &away);
	CHECK(away == 7 * s && off == 54 * (int64_t)s);
	CHECK(3 * s + (uint64_t)off == 57 * s);
	/* a host up far longer: the offset is negative */
	off = pvclock_resume_offset(mono, wall, 900 * s, wall + 7 * s, &away);
	CHECK(900 * s + (uint64_t)off == 57 * s);
	/* the wall clock went back 5 s: no time away, never backwards */
	off = pvclock_resume_offset(mono, wall, 3 * s, wall - 5 * s, &away);
	CHECK(away == 0 && 3 * s + (uint64_t)off == mono);
}
