/*
 * savetest - what an app carries across xl save / xl restore / xl save
 * -c (docs/suspend.md), one feature per word on the command line, then
 * COUNT beats a second:
 *
 *   veto     its suspend hook refuses the first request: xl save
 *            must fail (after the toolstack's 60 s) and the domain run
 *            on, and a later xl save work
 *   grant    grants a page of text to dom0 (ref printed); dom0 reads it
 *            before and after a restore (gntcheck): the grant must be
 *            given again to the page's new frame
 *   balloon  balloons in 1024 pages above the initial allocation
 *            (maxmem > memory) and fills them; after every resume they
 *            must still hold what was written: the p2m frame list the
 *            toolstack saved by covered them
 *
 * Each beat prints the monotonic and the wall-clock time in ms, so that
 * tests/boot/data/save-clock.sh can check that both jump by the same
 * amount across a restore.
 */
#include <pvmini.h>
#include <arch/layout.h>
#include <pvmini/page_alloc.h>

#define GRANT_TEXT "savetest grant page"
#define BALLOON 1024

static int vetoes; /* requests still to refuse */
static unsigned long beats;
static void **pages;
static long ballooned;

static const char *where(bool cancelled)
{
	return cancelled ? "the same domain" : "a new domain";
}

/* Ballooned pages hold their own index; 0 bad ones after a resume. */
static unsigned long check_pages(void)
{
	unsigned long bad = 0;

	for (long i = 0; i < ballooned; i++)
		for (unsigned int w = 0; w < PAGE_SIZE / 8; w += 64)
			bad += ((uint64_t *)pages[i])[w] !=
			       (uint64_t)i * 4096 + w;
	return bad;
}

static int on_suspend(void *data __unused)
{
	if (vetoes) {
		vetoes--;
		printk("savetest: vetoing the suspend after %lu beats\n",
		       beats);
		return -XEN_EBUSY;
	}
	printk("savetest: suspending after %lu beats\n", beats);
	return 0;
}

static void on_resume(void *data __unused, bool cancelled)
{
	printk("savetest: resumed in %s after %lu beats\n", where(cancelled),
	       beats);
	if (ballooned)
		printk("savetest: %ld ballooned pages, %lu bad words\n",
		       ballooned, check_pages());
}

static struct suspend_hook hook = { .name = "savetest",
				    .suspend = on_suspend,
				    .resume = on_resume };

static void grant(void)
{
	char *page = alloc_pages(0);
	int ref;

	if (!page) {
		printk("savetest: no page to grant\n");
		return;
	}
	memset(page, 0, PAGE_SIZE);
	memcpy(page, GRANT_TEXT, sizeof(GRANT_TEXT));
	ref = gnttab_grant_access(0, page, true);
	printk("savetest: granted ref %d: '%s'\n", ref, GRANT_TEXT);
}

static void balloon(void)
{
	pages = kcalloc(BALLOON, sizeof(*pages));
	ballooned = pages ? balloon_up(BALLOON) : 0;
	/* The new pages are free pages now: take and mark them. */
	for (long i = 0; i < ballooned; i++) {
		pages[i] = alloc_pages(0);
		if (!pages[i]) {
			ballooned = i;
			break;
		}
		for (unsigned int w = 0; w < PAGE_SIZE / 8; w += 64)
			((uint64_t *)pages[i])[w] = (uint64_t)i * 4096 + w;
	}
	printk("savetest: ballooned in %ld pages, %lu bad words\n", ballooned,
	       check_pages());
}

int main(int argc, char **argv)
{
	unsigned long count = 0;
	uint64_t start;

	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "veto"))
			vetoes = 1;
		else if (!strcmp(argv[i], "grant"))
			grant();
		else if (!strcmp(argv[i], "balloon"))
			balloon();
		else if (parse_ulong(argv[i], 100000, &count)) {
			printk("usage: savetest [veto] [grant] [balloon] "
			       "COUNT\n");
			return 2;
		}
	}
	suspend_hook_register(&hook);
	printk("savetest: nr_pages %lu\n", start_info->nr_pages);
	printk("savetest: ready\n");
	start = monotonic_ns();
	for (unsigned long n = 1; n <= count; n++) {
		uint64_t now, wall;

		thread_sleep_until(start + n * NSEC_PER_SEC);
		now = monotonic_ns();
		wall = wallclock_ns();
		printk("savetest beat %lu: monotonic %lu ms, wall %lu ms\n", n,
		       (unsigned long)(now / NSEC_PER_MSEC),
		       (unsigned long)(wall / NSEC_PER_MSEC));
		beats = n;
	}
	printk("savetest: %lu beats, %lu restored, %lu checkpoint(s), %lu "
	       "refused\n",
	       count, suspend_stats.restored, suspend_stats.checkpoints,
	       suspend_stats.refused);
	return 0;
}
