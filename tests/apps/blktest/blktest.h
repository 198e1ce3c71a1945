/* blktest.h - between blktest.c (main, POSIX) and blktest_async.c. */
#ifndef BLKTEST_H
#define BLKTEST_H

extern int failures;
/* Counts and prints a failure (with errno) unless ok. */
void check(int ok, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* "/dev/<name>" */
char *dev(const char *name);

int cmd_async(const char *disk, const char *count);
int cmd_speed(const char *disk, const char *mib_s);
int cmd_iops(const char *disk, const char *secs_s, const char *qd_s,
	     const char *order_s);
int cmd_seq(const char *disk, const char *mib_s, const char *segs_s,
	    const char *order_s);
int cmd_compare(const char *disk, const char *rounds_s);
int cmd_until_gone(const char *disk);
int cmd_open_later(const char *disk, const char *secs, const char *dir);

#define BLK_QD_MAX 512

#endif
