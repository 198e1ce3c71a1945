/*
 * malloc.c - malloc (pvmini's heap behind newlib): random allocate/free
 * with every byte checked, then exhaustion (NULL and ENOMEM, never a
 * crash), then reuse of what was freed.
 */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "libctest.h"

#define SLOTS 64
#define OPS 20000
#define CHUNK (256 * 1024)

static uint32_t rng = 12345;

static uint32_t next(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 17;
	rng ^= rng << 5;
	return rng;
}

static int intact(const unsigned char *p, size_t n, unsigned char v)
{
	for (size_t i = 0; i < n; i++)
		if (p[i] != v)
			return 0;
	return 1;
}

static int stress(void)
{
	unsigned char *p[SLOTS] = { 0 };
	size_t size[SLOTS];
	int ok = 1;

	for (int op = 0; op < OPS && ok; op++) {
		int s = next() % SLOTS;

		if (p[s]) {
			ok = intact(p[s], size[s], (unsigned char)s);
			free(p[s]);
			p[s] = NULL;
			continue;
		}
		size[s] = 1 + next() % 8192;
		p[s] = malloc(size[s]);
		ok = p[s] && (uintptr_t)p[s] % 16 == 0;
		if (ok)
			memset(p[s], s, size[s]);
	}
	for (int s = 0; s < SLOTS; s++) {
		ok = ok && (!p[s] || intact(p[s], size[s], (unsigned char)s));
		free(p[s]);
	}
	return ok;
}

/* Takes CHUNKs until malloc says no; returns how many it got. */
static int exhaust(void **held, int max, int *err)
{
	int n = 0;

	errno = 0;
	while (n < max && (held[n] = malloc(CHUNK)))
		n++;
	*err = errno;
	return n;
}

void check_malloc(void)
{
	static void *held[1024];
	int err, n, again;
	void *huge;

	check(stress(), "malloc stress: every block intact and aligned");
	errno = 0;
	huge = malloc((size_t)1 << 40);
	check(!huge && errno == ENOMEM, "malloc(1 TiB) is NULL with ENOMEM");
	n = exhaust(held, 1024, &err);
	check(n > 0 && n < 1024 && err == ENOMEM,
	      "malloc runs out with NULL and ENOMEM");
	for (int i = 0; i < n; i++)
		free(held[i]);
	again = exhaust(held, 1024, &err);
	check(again >= n - 1, "freed memory is reused");
	for (int i = 0; i < again; i++)
		free(held[i]);
	printf("malloc: %d ops ok; 1 TiB refused; out of memory after %d KiB "
	       "(ENOMEM), %d KiB again after free\n",
	       OPS, n * (CHUNK / 1024), again * (CHUNK / 1024));
}
