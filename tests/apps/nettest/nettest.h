/* nettest.h - the checks of nettest, one file per area. */
#ifndef NETTEST_H
#define NETTEST_H

#include <netinet/in.h>
#include <stdbool.h>
#include <stdint.h>

#define ECHO_PORT 7
#define SINK_PORT 9

/* Counts a failure and prints "WRONG: what" unless ok; returns ok. */
bool check(bool ok, const char *what);
/* "127.0.0.1:port" */
struct sockaddr_in loopback(uint16_t port);
/* A TCP socket connected to 127.0.0.1:port, or -1 (a failure counted). */
int dial(uint16_t port);
/* Milliseconds of the monotonic clock. */
uint64_t now_ms(void);
/* Writes or reads all n bytes; false on an error or an early end. */
bool send_all(int fd, const void *buf, size_t n);
bool recv_all(int fd, void *buf, size_t n);
/* A pattern that differs for each seed and offset, and its checksum. */
void fill(uint8_t *buf, size_t n, uint32_t seed, size_t off);
uint32_t fnv1a(uint32_t h, const void *buf, size_t n);

/* servers.c: the echo server (port 7) and the sink (port 9: reads to
 * the end, then answers with the byte count and their checksum). */
void start_servers(void);

void check_errors(void);  /* errors.c */
void check_options(void); /* errors.c */
void check_bulk(void);	  /* bulk.c */
void check_many(void);	  /* bulk.c */
void check_events(void);  /* events.c */
void check_udp(void);	  /* udp.c */
void check_ether(void);	  /* ether.c */

#endif
