/*
 * evtest - the event-channel API under real Xen: a loopback pair made
 * with alloc_unbound + bind_interdomain, an event storm of 100,000
 * self-notifications that must each be delivered exactly once without
 * the upcall's stack use growing, handlers that unmask events and raise
 * another event (a nested upcall, 10,000 times in a chain: the outer upcall
 * must handle each, the stack must not grow), masking that keeps (and
 * unmasking that delivers) an event, a port masked by an earlier handler
 * of the same scan, and bad ports that give errors, not crashes.
 */
#include <pvmini.h>
#include <pvmini/evtchn.h>
#include <pvmini/irq.h>

#define STORM 100000
#define NEST 10000

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
	}
	/* Read before unmasking: the console's held event comes then. */
	upcalls = event_stats.upcalls - upcalls;
	evtchn_unmask(console);
	printk("evtest: storm: %d notifies, %lu deliveries, %lu upcalls\n",
	       STORM, hits[0] - before, upcalls);
	return 0;
}

/*
 * The nested upcall, for real. The handler of one end of a loopback pair
 * unmasks events and notifies the other end, which raises its own port
 * again: Xen upcalls at once, on top of the handler. That upcall must not
 * scan (the stack would grow with each link of the chain) and must not
 * leave the event pending with events enabled (Xen would upcall again at
 * once, for ever): the outer upcall handles it when the handler is done.
 */
static evtchn_port_t nest_far;
static volatile unsigned long nest_left, nest_hits, nest_overlaps;
static volatile bool nest_inside;
static volatile uintptr_t nest_handler_frame, nest_warm_frame;

static void nest_hit(evtchn_port_t port, void *data)
{
	(void)port;
	(void)data;
	if (nest_inside)
		nest_overlaps++;
	nest_inside = true;
	nest_hits++;
	nest_handler_frame = (uintptr_t)__builtin_frame_address(0);
	if (nest_left) {
		nest_left--;
		local_irq_enable();
		evtchn_notify(nest_far); /* raises our port: upcall now */
		if (nest_hits == 100)
			nest_warm_frame = event_stats.lowest_frame;
	}
	nest_inside = false;
}

static int nested(void)
{
	evtchn_port_t console = start_info->console.domU.evtchn;
	int far = evtchn_alloc_unbound(DOMID_SELF, count_hit, (void *)0);
	int near = far < 0 ? far
			   : evtchn_bind_interdomain(DOMID_SELF, far, nest_hit,
						     NULL);
	unsigned long chained = event_stats.nested;
	uintptr_t lowest;

	if (near < 0)
		return fail("nested: loopback pair", near, 0);
	nest_far = far;
	nest_hits = 0; /* the event Xen raises on bind */
	nest_left = NEST;
	/* As in the storm: only the chain's own upcalls, measured afresh. */
	evtchn_mask(console);
	event_stats.lowest_frame = UINTPTR_MAX;
	evtchn_notify(far);
	chained = event_stats.nested - chained;
	lowest = event_stats.lowest_frame;
	evtchn_unmask(console);
	printk("evtest: nested: %lu handler runs, %lu nested upcalls, "
	       "%lu overlapping\n",
	       nest_hits, chained, nest_overlaps);
	if (nest_hits != NEST + 1 || chained != NEST || nest_overlaps)
		return fail("nested upcalls", chained, NEST);
	/* The nested upcall's frame lies on top of the handler's. */
	if (lowest >= nest_handler_frame)
		return fail("nested frame below its handler", 0, 1);
	if (lowest != nest_warm_frame)
		return fail("lowest upcall frame moved (bytes)",
			    nest_warm_frame - lowest, 0);
	printk("evtest: nested: upcall stack low-water mark unchanged\n");
	evtchn_close(near);
	evtchn_close(far);
	return 0;
}

/*
 * Two ports pending in one scan of the same bitmap word; the first
 * one's handler masks the second, which must then wait for its unmask
 * (the mask is the guest's word: it holds from the moment it is set).
 */
static evtchn_port_t pass_second;
static volatile unsigned long pass_hits[2];

static void pass_first_hit(evtchn_port_t port, void *data)
{
	(void)port;
	(void)data;
	pass_hits[0]++;
	evtchn_mask(pass_second);
}

static void pass_second_hit(evtchn_port_t port, void *data)
{
	(void)port;
	(void)data;
	pass_hits[1]++;
}

static int masked_in_pass(void)
{
	int x = evtchn_alloc_unbound(DOMID_SELF, pass_first_hit, NULL);
	int y = x < 0 ? x
		      : evtchn_bind_interdomain(DOMID_SELF, x, pass_second_hit,
						NULL);
	unsigned long flags;

	/* The scan goes up a word: x's handler must run first. */
	if (y < 0 || y < x || x / 64 != y / 64)
		return fail("masked in pass: ordered pair in one word", y, x);
	pass_second = y;
	pass_hits[0] = pass_hits[1] = 0; /* the event Xen raises on bind */
	flags = local_irq_save();
	evtchn_notify(x);	  /* raises y */
	evtchn_notify(y);	  /* raises x */
	local_irq_restore(flags); /* one upcall, one scan: x, then y */
	printk("evtest: masked in pass: first %lu, second %lu\n", pass_hits[0],
	       pass_hits[1]);
	if (pass_hits[0] != 1 || pass_hits[1] != 0)
		return fail("masked in pass: second port ran", pass_hits[1], 0);
	evtchn_unmask(y);
	if (pass_hits[1] != 1)
		return fail("masked in pass: after unmask", pass_hits[1], 1);
	printk("evtest: a port masked by an earlier handler waits for "
	       "unmask\n");
	evtchn_close(x);
	evtchn_close(y);
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
	if (storm(b) || nested() || masking(a, b) || masked_in_pass() ||
	    bad_ports(a))
		return 1;
	printk("evtest: all good\n");
	return 0;
}
