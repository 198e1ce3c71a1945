/*
 * evtest - the event-channel API under real Xen: a loopback pair made
 * with alloc_unbound + bind_interdomain, an event storm of 100,000
 * self-notifications that must each be delivered exactly once without
 * the upcall's stack use growing, masking that keeps (and unmasking that
 * delivers) an event, and bad ports that give errors, not crashes.
 */
#include <pvmini.h>
#include <pvmini/evtchn.h>
#include <pvmini/irq.h>

#define STORM 100000

static volatile unsigned long hits[2];

static void count_hit(evtchn_port_t port, void *data)
{
	(void)port;
	hits[(uintptr_t)data]++;
}

static int fail(const char *what, long got, long want)
{
	printk("evtest: FAIL %s: got %ld, want %ld\n", what, got, want);
	return 1;
}

/* Each notify is delivered when the send hypercall returns. */
static int storm(evtchn_port_t port)
{
	uintptr_t after_warmup = 0, lowest;
	unsigned long before = hits[0], upcalls = event_stats.upcalls;
	evtchn_port_t console = start_info->console.domU.evtchn;

	/*
	 * The console's port wakes readers, and xenconsoled raises it
	 * whenever it has taken output: masked for the storm, only the
	 * storm's own upcalls are counted and measured.
	 */
	evtchn_mask(console);
	for (unsigned long i = 0; i < STORM; i++) {
		long rc = evtchn_notify(port);

		if (rc) {
			evtchn_unmask(console);
			return fail("notify", rc, 0);
		}
		if (hits[0] != before + i + 1) {
			evtchn_unmask(console);
			return fail("deliveries after a notify",
				    hits[0] - before, i + 1);
		}
		if (i == 99)
			after_warmup = event_stats.lowest_frame;
	}
	/* Read before unmasking: the console's held event comes then. */
	upcalls = event_stats.upcalls - upcalls;
	lowest = event_stats.lowest_frame;
	evtchn_unmask(console);
	printk("evtest: storm: %d notifies, %lu deliveries, %lu upcalls\n",
	       STORM, hits[0] - before, upcalls);
	if (lowest != after_warmup)
		return fail("lowest upcall frame moved (bytes)",
			    after_warmup - lowest, 0);
	printk("evtest: storm: upcall stack low-water mark unchanged\n");
	return 0;
}

static int masking(evtchn_port_t a, evtchn_port_t b)
{
	unsigned long before = hits[1];

	evtchn_mask(b);
	evtchn_notify(a);
	evtchn_notify(a); /* pending is a bit: two notifies, one event */
	if (hits[1] != before)
		return fail("deliveries while masked", hits[1] - before, 0);
	evtchn_unmask(b);
	if (hits[1] != before + 1)
		return fail("deliveries after unmask", hits[1] - before, 1);
	/* Events disabled as a whole: unmasking them delivers. */
	unsigned long flags = local_irq_save();

	evtchn_notify(a);
	if (hits[1] != before + 1)
		return fail("deliveries with events off", hits[1] - before, 1);
	local_irq_restore(flags);
	if (hits[1] != before + 2)
		return fail("deliveries after irq_restore", hits[1] - before,
			    2);
	printk("evtest: mask keeps the event, unmask delivers it once\n");
	return 0;
}

static int bad_ports(evtchn_port_t a)
{
	printk("evtest: notify(99999) = %d\n", evtchn_notify(99999));
	printk("evtest: mask(4096) = %d\n", evtchn_mask(4096));
	printk("evtest: unmask(70000) = %d\n", evtchn_unmask(70000));
	printk("evtest: close(4000) = %d\n", evtchn_close(4000));
	printk("evtest: notify(4000) = %d\n", evtchn_notify(4000));
	printk("evtest: bind_virq(999) = %d\n",
	       evtchn_bind_virq(999, count_hit, NULL));
	printk("evtest: bind_interdomain(self, 4000) = %d\n",
	       evtchn_bind_interdomain(DOMID_SELF, 4000, count_hit, NULL));
	printk("evtest: close(%u) = %d\n", a, evtchn_close(a));
	printk("evtest: notify(%u) after close = %d\n", a, evtchn_notify(a));
	return 0;
}

int main(void)
{
	int a = evtchn_alloc_unbound(DOMID_SELF, count_hit, (void *)0);
	int b;

	if (a < 0)
		return fail("alloc_unbound", a, 0);
	b = evtchn_bind_interdomain(DOMID_SELF, a, count_hit, (void *)1);
	if (b < 0)
		return fail("bind_interdomain", b, 0);
	/* Xen raises a freshly bound port once: sends made to the unbound
	 * end before the bind would otherwise be lost. */
	printk("evtest: loopback ports %d <-> %d, %lu event on bind\n", a, b,
	       hits[1]);
	hits[0] = hits[1] = 0;
	/* Notifying one end raises the other. */
	evtchn_notify(a);
	evtchn_notify(b);
	if (hits[0] != 1 || hits[1] != 1)
		return fail("loopback hits", hits[0] * 10 + hits[1], 11);
	printk("evtest: loopback delivers both ways\n");
	if (storm(b) || masking(a, b) || bad_ports(a))
		return 1;
	printk("evtest: all good\n");
	return 0;
}
