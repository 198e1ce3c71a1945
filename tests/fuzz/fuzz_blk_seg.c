/*
 * fuzz_blk_seg.c - blkfront's segment planner and disk names
 * (kernel/drivers/blk/blk_seg.c, blk_vdev.c).
 *
 * seg_plan: for any 512-aligned buffer, size and segment limit, the
 * segments are contiguous, each within one page, and cover exactly what
 * is returned - all of it, or up to the end of the max-th page.
 * vdev_names: for any number, the name parsed back by an independent
 * reading of Xen's vbd-interface gives the number again (the long xvd
 * form of a disk the short form can name reads back as the short
 * form); a number no scheme gives is named "vbd-N".
 */
#include "kernel/drivers/blk/blk_seg.h"
#include "kernel/drivers/blk/blk_vdev.h"
#include "fuzz.h"

FUZZ(seg_plan, 20000)
{
	uintptr_t buf = (uintptr_t)fz_below(1ULL << 40) * 512;
	size_t bytes = (size_t)(1 + fz_below(fz_chance(50) ? 16 : 4096)) * 512;
	unsigned int max = 1 + (unsigned int)fz_below(300), n = 0;
	struct blk_seg segs[300];
	size_t got = blk_seg_plan(buf, bytes, max, segs, &n);
	uintptr_t at = buf;

	FZ_CHECK(n >= 1 && n <= max, "%u segments, max %u", n, max);
	for (unsigned int i = 0; i < n; i++) {
		FZ_CHECK(segs[i].page % BLK_PAGE == 0 &&
				 segs[i].first <= segs[i].last &&
				 segs[i].last < BLK_PAGE / 512,
			 "segment %u: %#lx %u..%u", i,
			 (unsigned long)segs[i].page, segs[i].first,
			 segs[i].last);
		FZ_CHECK(segs[i].page + segs[i].first * 512UL == at,
			 "segment %u does not start where %u ended", i, i - 1);
		at = segs[i].page + (segs[i].last + 1) * 512UL;
	}
	FZ_CHECK(at == buf + got, "covered %#lx, returned %zu",
		 (unsigned long)(at - buf), got);
	FZ_CHECK(got == bytes || (n == max && at % BLK_PAGE == 0),
		 "stopped early: %zu of %zu, %u of %u segments", got, bytes, n,
		 max);
}

/* The other way round: a name back to the number (vbd-interface). */
static bool parse_name(const char *s, unsigned long *out)
{
	unsigned long disk = 0, part = 0, major = 0;
	const char *p = s;
	int letters = 0;

	if (!strncmp(s, "xvd", 3))
		p = s + 3, major = 202;
	else if (!strncmp(s, "sd", 2))
		p = s + 2, major = 8;
	else if (!strncmp(s, "hd", 2))
		p = s + 2, major = 3;
	else
		return false;
	for (; *p >= 'a' && *p <= 'z'; p++, letters++)
		disk = disk * 26 + (unsigned long)(*p - 'a' + 1);
	for (; *p >= '0' && *p <= '9'; p++)
		part = part * 10 + (unsigned long)(*p - '0');
	if (!letters || *p || !disk--)
		return false;
	if (major == 202 && (disk > 15 || part > 15))
		*out = 1UL << 28 | disk << 8 | part;
	else if (major == 3 && disk >= 2)
		*out = 22UL << 8 | (disk - 2) << 6 | part;
	else
		*out = major << 8 | disk << (major == 3 ? 6 : 4) | part;
	return true;
}

FUZZ(vdev_names, 100000)
{
	static const unsigned long bases[] = { 202UL << 8, 8UL << 8, 3UL << 8,
					       22UL << 8, 1UL << 28 };
	unsigned long v = fz_chance(70) ? bases[fz_below(5)] | fz_below(1 << 20)
					: fz_u64();
	char buf[32], want[32];
	unsigned long back;
	int rc = blk_vdev_name(v, buf, sizeof(buf));

	FZ_CHECK(strnlen(buf, sizeof(buf)) < sizeof(buf), "unterminated");
	if (rc == -XEN_EINVAL) {
		snprintf(want, sizeof(want), "vbd-%lu", v);
		FZ_CHECK(!strncmp(buf, want, sizeof(buf) - 1), "%s for %#lx",
			 buf, v);
		return;
	}
	FZ_CHECK(!rc, "%d for %#lx", rc, v);
	/* The long form may name a disk the short form names too. */
	if (v >> 28 == 1 && (v >> 8 & 0xfffff) < 16 && (v & 0xff) < 16)
		v = 202UL << 8 | (v >> 8 & 0xfffff) << 4 | (v & 0xff);
	FZ_CHECK(parse_name(buf, &back) && back == v,
		 "%#lx named %s, which reads back as %#lx", v, buf, back);
}
