/*
 * test_xenbus_pm.c - lists of suspend/resume hooks (kernel/xenbus/
 * xenbus_pm.c), the frontends' and any other: newest suspended first,
 * oldest resumed first; a refusal resumes (cancelled) exactly those
 * already suspended and names the refuser; unregistered hooks are not
 * run; two lists do not see each other's hooks.
 */
#include <pvmini/xen.h>
#include "kernel/xenbus/xenbus_pm.h"
#include "unit.h"

static char log_buf[128];

static void say(const char *what, void *data)
{
	size_t n = strlen(log_buf);

	snprintf(log_buf + n, sizeof(log_buf) - n, "%s%s ", what,
		 (const char *)data);
}

static int refuse_name_b;

static int on_suspend(void *data)
{
	if (refuse_name_b && !strcmp(data, "b"))
		return -XEN_EBUSY;
	say("s", data);
	return 0;
}

static void on_resume(void *data, bool cancelled)
{
	say(cancelled ? "c" : "r", data);
}

static struct suspend_hook hooks[3] = {
	{ "a", on_suspend, on_resume, "a", NULL, NULL, false },
	{ "b", on_suspend, on_resume, "b", NULL, NULL, false },
	{ "c", on_suspend, on_resume, "c", NULL, NULL, false },
};

static void setup(void)
{
	log_buf[0] = '\0';
	refuse_name_b = 0;
	for (int i = 0; i < 3; i++)
		xenbus_pm_unregister(&hooks[i]);
	for (int i = 0; i < 3; i++)
		xenbus_pm_register(&hooks[i]);
}

TEST(suspend_newest_first_resume_oldest_first)
{
	setup();
	CHECK(xenbus_suspend_all(NULL) == 0);
	xenbus_resume_all(false);
	CHECK_STR(log_buf, "sc sb sa ra rb rc ");
	/* nothing is suspended any more: a second resume runs nothing */
	log_buf[0] = '\0';
	xenbus_resume_all(false);
	CHECK_STR(log_buf, "");
}

TEST(a_refusal_cancels_those_done)
{
	const char *who = NULL;

	setup();
	refuse_name_b = 1;
	CHECK(xenbus_suspend_all(&who) == -XEN_EBUSY);
	CHECK_STR(who, "b");
	CHECK_STR(log_buf, "sc cc ");
	/* a resume after that finds nothing suspended */
	xenbus_resume_all(true);
	CHECK_STR(log_buf, "sc cc ");
}

TEST(unregistered_hooks_do_not_run)
{
	setup();
	xenbus_pm_unregister(&hooks[1]);
	xenbus_pm_unregister(&hooks[1]); /* twice: harmless */
	CHECK(xenbus_suspend_all(NULL) == 0);
	xenbus_resume_all(false);
	CHECK_STR(log_buf, "sc sa ra rc ");
	xenbus_pm_unregister(&hooks[0]);
	xenbus_pm_unregister(&hooks[2]);
	log_buf[0] = '\0';
	CHECK(xenbus_suspend_all(NULL) == 0);
	CHECK_STR(log_buf, "");
}

TEST(lists_are_independent)
{
	static struct suspend_hook app = { "app", on_suspend, on_resume, "x",
					   NULL,  NULL,	      false };
	struct pm_list apps = { NULL, NULL };

	setup();
	pm_list_add(&apps, &app);
	CHECK(pm_list_suspend(&apps, NULL) == 0);
	CHECK_STR(log_buf, "sx ");
	/* the frontends' list has its own three, none of them suspended */
	xenbus_resume_all(false);
	CHECK_STR(log_buf, "sx ");
	CHECK(xenbus_suspend_all(NULL) == 0);
	CHECK_STR(log_buf, "sx sc sb sa ");
	pm_list_resume(&apps, true);
	CHECK_STR(log_buf, "sx sc sb sa cx ");
	pm_list_remove(&apps, &app);
	CHECK(apps.head == NULL && apps.tail == NULL);
	xenbus_resume_all(false);
}
