/*
 * www.h - the files built into the image: apps/httpd/www/, written as a
 * C table by mkwww.sh at build time (build/app/httpd/www_files.c).
 */
#ifndef HTTPD_WWW_H
#define HTTPD_WWW_H

#include <stddef.h>

struct www_file {
	const char *path; /* "/index.html": "/" + its path below www/ */
	const char *data;
	size_t size;
};

extern const struct www_file www_files[];
extern const unsigned int www_count;

#endif
