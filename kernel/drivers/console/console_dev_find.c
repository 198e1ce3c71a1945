/*
 * console_dev_find.c - which console devices a domain has: the numbered
 * children of its device/console directory in xenstore, one per channel
 * of the cfg, each with the channel's name. Opening one is
 * kernel/drivers/console/console_dev.c.
 */
#include <pvmini/console.h>
#include <pvmini/console_dev.h>
#include <pvmini/trace.h>
#include <pvmini/xenstore.h>
#include "kernel/drivers/console/console.h"
#include "kernel/xenbus/frontend.h"

int console_dev_list(unsigned int *ids, unsigned int max)
{
	return xenbus_list("console", ids, max);
}

int console_dev_open_name(const char *name, struct console_dev **out)
{
	unsigned int ids[64];
	char have[64];
	int n = console_dev_list(ids, ARRAY_SIZE(ids));

	for (int i = 0; i < n && i < (int)ARRAY_SIZE(ids); i++)
		if (!console_dev_name_of(ids[i], have, sizeof(have)) &&
		    !strcmp(have, name))
			return console_dev_open(ids[i], out);
	/* The likeliest reason there is none at all deserves saying. */
	if (n == 0)
		printk("console devices: none in xenstore (the cfg needs a "
		       "channel=; Xen 4.17's xl drops the first one listed, "
		       "see docs/consoles.md)\n");
	return n < 0 ? n : -XEN_ENOENT;
}

/*
 * A boot step under trace=boot only: the devices the cfg asked for.
 * None is connected at boot; an app opens those it uses.
 */
void console_dev_trace_boot(void)
{
	unsigned int ids[8];
	char list[200] = "", name[48];
	size_t len = 0;
	int n;

	if (!(trace_flags & TRACE_BOOT) || !xenstore_available())
		return;
	n = console_dev_list(ids, ARRAY_SIZE(ids));
	for (int i = 0; i < n && i < (int)ARRAY_SIZE(ids); i++) {
		if (console_dev_name_of(ids[i], name, sizeof(name)))
			name[0] = '\0';
		len += (size_t)snprintf(list + len, sizeof(list) - len,
					"%s %u '%s'", i ? "," : ":", ids[i],
					name);
		if (len >= sizeof(list))
			break;
	}
	trace_boot("consoles: %d further console device(s) in "
		   "device/console%s%s",
		   n < 0 ? 0 : n, list,
		   n > 0 ? " (connected when an app opens one)" : "");
}
