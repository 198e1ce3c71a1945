/*
 * grant_table.h - the grant table's part of a suspend
 * (kernel/xenbus/grant_table.c, docs/suspend.md). The API is
 * <pvmini/gnttab.h>.
 */
#ifndef KERNEL_XENBUS_GRANT_TABLE_H
#define KERNEL_XENBUS_GRANT_TABLE_H

#include <pvmini/lib.h>

/* Notes every live grant by pfn and unmaps the table's frames (Xen's:
 * the save code refuses their mapping); 0 or a negative Xen errno with
 * nothing changed. */
int gnttab_suspend(void);
/* Maps the table again (a new domain's frames, or the same after a
 * checkpoint) and, in a new domain, gives every noted grant again to
 * its page's new frame. */
void gnttab_resume(bool new_domain);

#endif
