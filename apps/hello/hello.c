/*
 * hello - the smallest pvmini application: greets, shows what the domain
 * builder told the kernel (start_info) and what the command line passed
 * in, and returns 0, which powers the domain off.
 */
#include <pvmini.h>

int main(int argc, char **argv)
{
	const start_info_t *si = start_info;

	printk("Hello from pvmini!\n");
	printk("nr_pages: %lu (%lu MiB)\n", si->nr_pages, si->nr_pages >> 8);
	printk("flags: %#x\n", si->flags);
	printk("dom0: %s\n", is_dom0() ? "yes" : "no");
	printk("cmdline: \"%.*s\"\n", (int)sizeof(si->cmd_line),
	       (const char *)si->cmd_line);
	printk("argc: %d\n", argc);
	for (int i = 0; i < argc; i++)
		printk("argv[%d]: \"%s\"\n", i, argv[i]);
	return 0;
}
