/*
 * blk_vdev.c - disk names from vbd numbers (blk_vdev.h says how). Pure:
 * the number comes from xenstore, so every value, however odd, ends in
 * a bounded name or a refusal.
 */
#include "kernel/drivers/blk/blk_vdev.h"

/* Disk number n in letters: 0 a, 25 z, 26 aa, 701 zz, 702 aaa. */
static size_t disk_letters(unsigned long n, char *out)
{
	char rev[8];
	size_t len = 0;

	do {
		rev[len++] = (char)('a' + n % 26);
		n = n / 26;
	} while (n-- > 0);
	for (size_t i = 0; i < len; i++)
		out[i] = rev[len - 1 - i];
	return len;
}

static int compose(const char *prefix, unsigned long disk, unsigned long part,
		   char *buf, size_t size)
{
	char letters[8];
	size_t n = disk_letters(disk, letters);
	int len;

	letters[n] = '\0';
	if (part)
		len = snprintf(buf, size, "%s%s%lu", prefix, letters, part);
	else
		len = snprintf(buf, size, "%s%s", prefix, letters);
	return len < 0 || (size_t)len >= size ? -XEN_E2BIG : 0;
}

int blk_vdev_name(unsigned long vdev, char *buf, size_t size)
{
	unsigned long major = (vdev >> 8) & 0xfffff, minor = vdev & 0xff;
	int len;

	if (vdev >> 28 == 1)
		return compose("xvd", (vdev >> 8) & 0xfffff, vdev & 0xff, buf,
			       size);
	if (vdev < 1UL << 16) {
		if (major == 202)
			return compose("xvd", minor >> 4, minor & 15, buf,
				       size);
		if (major == 8)
			return compose("sd", minor >> 4, minor & 15, buf, size);
		if (major == 3 && minor >> 6 < 2)
			return compose("hd", minor >> 6, minor & 63, buf, size);
		if (major == 22 && minor >> 6 < 2)
			return compose("hd", 2 + (minor >> 6), minor & 63, buf,
				       size);
	}
	len = snprintf(buf, size, "vbd-%lu", vdev);
	return len < 0 || (size_t)len >= size ? -XEN_E2BIG : -XEN_EINVAL;
}
