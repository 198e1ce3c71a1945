/* nftest.h - between the parts of the vif driver's test app. */
#ifndef NFTEST_H
#define NFTEST_H

#include <pvmini.h>
#include <pvmini/netdev.h>

extern int failures;
extern unsigned int free_closed; /* free grant refs with no vif open */

#define EXPECT(cond, ...)                                                      \
	do {                                                                   \
		if (!(cond)) {                                                 \
			printk("nftest: FAIL line %d: ", __LINE__);            \
			printk(__VA_ARGS__);                                   \
			printk("\n");                                          \
			failures++;                                            \
		}                                                              \
	} while (0)

struct netdev *open_vif(void);
/* Closes it and checks that every grant it held came back. */
void close_vif(struct netdev *nd, const char *after);
/* Asks who has 192.0.2.1 and waits (5 s) for the answer: 0 or -errno. */
int arp_dom0(struct netdev *nd, uint8_t mac[6]);

/* hostile.c: the backend breaking each rule, one vif life each. */
void hostile_backend(void);

#endif
