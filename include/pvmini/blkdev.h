/*
 * blkdev.h - disks: the xl cfg's disk= lines (vbd devices), read and
 * written by sector through blkfront (kernel/drivers/blk/, docs/blk.md).
 *
 * A disk is opened by its name, the cfg's vdev ("xvda", "xvdb1", "sda",
 * "hdc"). A sector is sector_size bytes (blkdev_info); sector numbers
 * and counts are in those units. Buffers are the caller's memory, given
 * to the backend page by page while a request is in flight (no copy):
 * a buffer must be aligned to sector_size and must stay untouched until
 * the request completes.
 *
 * Every call returns 0 (or a count) or a negative Xen errno, and a
 * request that is wrong is refused AT THE CALL, before anything reaches
 * the backend:
 *   -XEN_ENOENT   no disk of that name (the message lists the disks)
 *   -XEN_EINVAL   not a disk name; a buffer not aligned to sector_size;
 *                 a count of 0; an unknown operation
 *   -XEN_ERANGE   sectors beyond the end of the disk
 *   -XEN_EROFS    a write to a read-only disk (access=ro)
 *   -XEN_EBUSY    the disk is open already
 *   -XEN_ENODEV   no xenstore (dom0)
 * and, from the backend, once a request ran:
 *   -XEN_EIO      the backend failed it (BLKIF_RSP_ERROR), or the
 *                 backend broke the ring and the disk stopped (it says
 *                 why; every later request fails the same way)
 *   -XEN_EOPNOTSUPP a flush the backend does not do after all
 *   -XEN_ENOTCONN the backend went away
 * plus the handshake's errors (ETIMEDOUT, ENOTCONN, EBADMSG; xenbus.md).
 */
#ifndef PVMINI_BLKDEV_H
#define PVMINI_BLKDEV_H

#include <pvmini/lib.h>

struct blkdev;

#define BLKDEV_NAME_MAX 16

struct blkdev_info {
	char name[BLKDEV_NAME_MAX]; /* "xvda" */
	unsigned int vdev;	    /* its number: device/vbd/<vdev> */
	uint64_t sectors;	    /* the disk's size, in sectors */
	uint32_t sector_size;	    /* bytes: the unit of every request */
	uint32_t physical_sector_size;
	bool readonly, removable, cdrom; /* the backend's `info` */
	/* What was negotiated with the backend. */
	bool flush;			/* feature-flush-cache */
	bool barrier;			/* feature-barrier */
	unsigned int indirect_segments; /* per request; 0: no indirect */
	unsigned int ring_pages;	/* 1 << ring-page-order */
	unsigned int ring_slots;	/* requests in flight at most */
	unsigned int max_request_bytes; /* one ring request moves at most */
};

/* The disks' names into names[max]; returns how many there are (which
 * may exceed max), 0 if none. */
int blkdev_list(char (*names)[BLKDEV_NAME_MAX], unsigned int max);

/*
 * Options of blkdev_open_opts (0 in a field: the default). For
 * measurements: docs/blk.md says why the defaults are what they are.
 */
struct blkdev_opts {
	unsigned int ring_order;   /* ask for 2^order ring pages (at most
				    * what the backend offers); default 0 */
	unsigned int max_segments; /* pages per ring request; default 32 */
};

/* Connects the disk (the xenbus handshake: at most 10 s). */
int blkdev_open(const char *name, struct blkdev **out);
int blkdev_open_opts(const char *name, const struct blkdev_opts *opts,
		     struct blkdev **out);
/* Waits for every request to complete (at most 10 s; then they fail
 * with ETIMEDOUT), disconnects and frees the disk: the handle is gone. */
int blkdev_close(struct blkdev *d);
void blkdev_get_info(const struct blkdev *d, struct blkdev_info *out);

/* Synchronous: return when the data is there (read), or the backend has
 * it (write), or the disk's cache is on stable storage (flush). */
int blkdev_read(struct blkdev *d, uint64_t sector, uint64_t count, void *buf);
int blkdev_write(struct blkdev *d, uint64_t sector, uint64_t count,
		 const void *buf);
/* A disk without feature-flush-cache or -barrier writes through: 0. */
int blkdev_flush(struct blkdev *d);

/*
 * Asynchronous: any number of requests may be submitted; the driver
 * puts as many on the ring as it has room for and queues the rest, in
 * order. A request of any size is split into ring requests of at most
 * max_request_bytes. Ordering between requests in flight together is
 * not kept: flush after writes that must be on disk first.
 */
enum blkdev_op { BLKDEV_READ, BLKDEV_WRITE, BLKDEV_FLUSH };

struct blkdev_req {
	/* The caller's. */
	enum blkdev_op op;
	uint64_t sector, count; /* count 0 for a flush */
	void *buf;
	/* Called once it is complete (status set), in the driver's
	 * completion thread or, for a request that failed before it
	 * reached the ring, in the submitter's - possibly before
	 * blkdev_submit returns. It must not block; it may submit. */
	void (*done)(struct blkdev_req *r);
	void *data;
	/* Results: status is 0 or a negative Xen errno once complete. */
	int status;
	bool complete;
	/* Private to the driver. */
	struct blkdev *dev;
	struct blkdev_req *next;
	uint64_t issued;      /* bytes on the ring so far */
	unsigned int pending; /* ring requests in flight */
	bool queued;
};

/* 0: queued; or the error at once (then the request is complete with
 * that status, and done is not called). */
int blkdev_submit(struct blkdev *d, struct blkdev_req *r);
/* Waits until r is complete; returns its status. */
int blkdev_wait(struct blkdev_req *r);

/* What passed through a disk since it was opened. */
struct blkdev_stats {
	unsigned long reads, writes, flushes; /* ring requests completed */
	uint64_t bytes_read, bytes_written;
	unsigned long indirect;	     /* ... of them indirect */
	unsigned long notifies;	     /* events we sent the backend */
	unsigned long events;	     /* events it sent us */
	unsigned long max_in_flight; /* most ring requests at once */
	unsigned long grants;	     /* grants given for requests */
	unsigned long grants_ended;  /* ... and ended again */
	unsigned long grants_kept;   /* ... the backend would not let go */
	unsigned long errors;	     /* ring requests that failed */
};
void blkdev_get_stats(const struct blkdev *d, struct blkdev_stats *out);

#endif
