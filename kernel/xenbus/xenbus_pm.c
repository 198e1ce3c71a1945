/*
 * xenbus_pm.c - the list of suspend/resume hooks and the two functions
 * that run them (kernel/xenbus/xenbus_pm.h says when). Devices are
 * suspended newest first and resumed oldest first: a device opened
 * later may depend on one opened earlier, never the other way round.
 * The list is changed only in thread context, and threads are
 * cooperative, so no lock is needed.
 */
#include "kernel/xenbus/xenbus_pm.h"

/* Oldest first; the newest is the tail. */
static struct xenbus_pm_hook *head, *tail;

void xenbus_pm_register(struct xenbus_pm_hook *h)
{
	h->next = NULL;
	h->prev = tail;
	h->suspended = false;
	if (tail)
		tail->next = h;
	else
		head = h;
	tail = h;
}

void xenbus_pm_unregister(struct xenbus_pm_hook *h)
{
	if (h->prev)
		h->prev->next = h->next;
	else if (head == h)
		head = h->next;
	else
		return; /* not registered */
	if (h->next)
		h->next->prev = h->prev;
	else
		tail = h->prev;
	h->prev = h->next = NULL;
}

int xenbus_suspend_all(const char **refused)
{
	for (struct xenbus_pm_hook *h = tail; h; h = h->prev) {
		int rc = h->suspend ? h->suspend(h->data) : 0;

		if (!rc) {
			h->suspended = true;
			continue;
		}
		if (refused)
			*refused = h->name;
		for (h = h->next; h; h = h->next) {
			h->suspended = false;
			if (h->resume)
				h->resume(h->data, true);
		}
		return rc;
	}
	return 0;
}

void xenbus_resume_all(bool cancelled)
{
	for (struct xenbus_pm_hook *h = head; h; h = h->next) {
		if (!h->suspended)
			continue;
		h->suspended = false;
		if (h->resume)
			h->resume(h->data, cancelled);
	}
}
