/*
 * xenbus_pm.c - lists of suspend/resume hooks and the two functions
 * that run them (kernel/xenbus/xenbus_pm.h says when). Hooks are
 * suspended newest first and resumed oldest first: a device opened
 * later may depend on one opened earlier, never the other way round.
 * A list is changed only in thread context, and threads are
 * cooperative, so no lock is needed.
 */
#include "kernel/xenbus/xenbus_pm.h"

void pm_list_add(struct pm_list *l, struct suspend_hook *h)
{
	h->next = NULL;
	h->prev = l->tail;
	h->suspended = false;
	if (l->tail)
		l->tail->next = h;
	else
		l->head = h;
	l->tail = h;
}

void pm_list_remove(struct pm_list *l, struct suspend_hook *h)
{
	if (h->prev)
		h->prev->next = h->next;
	else if (l->head == h)
		l->head = h->next;
	else
		return; /* not registered */
	if (h->next)
		h->next->prev = h->prev;
	else
		l->tail = h->prev;
	h->prev = h->next = NULL;
}

int pm_list_suspend(struct pm_list *l, const char **refused)
{
	for (struct suspend_hook *h = l->tail; h; h = h->prev) {
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

void pm_list_resume(struct pm_list *l, bool cancelled)
{
	for (struct suspend_hook *h = l->head; h; h = h->next) {
		if (!h->suspended)
			continue;
		h->suspended = false;
		if (h->resume)
			h->resume(h->data, cancelled);
	}
}

static struct pm_list devices;

void xenbus_pm_register(struct suspend_hook *h)
{
	pm_list_add(&devices, h);
}

void xenbus_pm_unregister(struct suspend_hook *h)
{
	pm_list_remove(&devices, h);
}

int xenbus_suspend_all(const char **refused)
{
	return pm_list_suspend(&devices, refused);
}

void xenbus_resume_all(bool cancelled)
{
	pm_list_resume(&devices, cancelled);
}
