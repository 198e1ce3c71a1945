/*
 * conflood - writes numbered lines to the console as fast as it can,
 * forever, each carrying a checksum of its number. dom0 destroys the
 * domain mid-stream (tests/boot/destroy-xl.t): every line the guest had
 * written must then have arrived, in order, intact.
 */
#include <pvmini.h>

int main(void)
{
	for (unsigned long n = 1;; n++)
		printk("flood: line %lu check %lu\n", n,
		       (n * 2654435761UL) % 1000003);
}
