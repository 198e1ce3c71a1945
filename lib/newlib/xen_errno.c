/*
 * xen_errno.c - the kernel API's negative Xen errnos as newlib's errno
 * values (glue.h): Xen's numbers are Linux's, newlib numbers some
 * differently, so each is named, not passed through.
 */
#include <pvmini/xen.h>

#include "glue.h"

int glue_errno(long xen_err)
{
	switch (-xen_err) {
	case XEN_ENOENT:
		return ENOENT;
	case XEN_EBUSY:
		return EBUSY;
	case XEN_ENOMEM:
		return ENOMEM;
	case XEN_ETIMEDOUT:
		return ETIMEDOUT;
	case XEN_ENOTCONN:
		return ENOTCONN;
	case XEN_ENODEV:
		return ENODEV;
	case XEN_ENOSPC:
		return ENOSPC;
	case XEN_EINVAL:
		return EINVAL;
	case XEN_EROFS:
		return EROFS;
	case XEN_EFAULT:
		return EFAULT;
	case XEN_EBADF:
		return EBADF;
	case XEN_ERANGE:
		return ERANGE;
	default: /* EBADMSG, EIO and whatever else the backend did */
		return EIO;
	}
}
