/*
 * fuzz.h - pvmini's own fuzz driver, included once by each harness
 * tests/fuzz/fuzz_<area>.c. A harness defines targets:
 *
 *	FUZZ(name, iterations) { ...one input: generate, run, check... }
 *
 * Each run of a target body is one iteration; it draws its input from
 * fz_u64() and friends, a deterministic PRNG (splitmix64) seeded from the
 * run's seed, the target's name and the iteration number, so that any
 * iteration can be replayed alone. FZ_CHECK(cond, fmt, ...) is the
 * oracle's verdict; fz_dump, if a target sets it, prints the input on a
 * failure. A failed check, a failed ASSERT inside pvmini's code or a
 * sanitizer report (harnesses are built with ASan + UBSan) ends the run
 * with "FAIL target: ..." and the command that replays the iteration.
 *
 *   fuzz_x                 every target, its fixed iteration count, seed 1
 *                          (what `make test` runs: seconds, same each time)
 *   fuzz_x -t SECONDS      that long in all, shared by the targets
 *   fuzz_x -s SEED         another seed (make fuzz: a new one each run)
 *   fuzz_x -n N            N iterations of each target
 *   fuzz_x -o TARGET       only that target
 *   fuzz_x -r TARGET:ITER  replay one iteration (with -s as printed)
 * Each finished target prints "PASS target (N iterations, seed S)".
 */
#ifndef FUZZ_H
#define FUZZ_H

#include <sanitizer/common_interface_defs.h>
#include <signal.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include "lib/assert.h"

struct fuzz_target {
	const char *name;
	void (*one)(void);
	unsigned long iterations; /* what `make test` runs */
};

static struct fuzz_target fuzz_targets[32];
static int fuzz_count;

#define FUZZ(name, iters)                                                      \
	static void name(void);                                                \
	__attribute__((constructor)) static void fuzz_register_##name(void)    \
	{                                                                      \
		fuzz_targets[fuzz_count++] =                                   \
			(struct fuzz_target){ #name, name, iters };            \
	}                                                                      \
	static void name(void)

/* --- the random source ---------------------------------------------- */

static uint64_t fz_state;

static uint64_t fz_mix(uint64_t z)
{
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

static uint64_t fz_u64(void)
{
	fz_state += 0x9e3779b97f4a7c15ULL;
	return fz_mix(fz_state);
}

/* Uniform in [0, n), n > 0 (the bias of a modulo is no matter here). */
static uint64_t fz_below(uint64_t n)
{
	return fz_u64() % n;
}

static int fz_chance(unsigned int percent)
{
	return fz_below(100) < percent;
}

/* Values where code goes wrong: 0, 1, max, and around powers of two. */
static __attribute__((unused)) uint64_t fz_edge(uint64_t max)
{
	unsigned int bits = 64 - (unsigned int)__builtin_clzll(max | 1);
	uint64_t v;

	switch (fz_below(6)) {
	case 0:
		return fz_below(3) > max ? max : fz_below(3);
	case 1:
		return max - (fz_below(3) > max ? max : fz_below(3));
	case 2: /* 2^k - 1, 2^k, 2^k + 1 */
		v = (1ULL << fz_below(bits)) + fz_below(3) - 1;
		return v > max ? max : v;
	default:
		v = fz_u64() >> fz_below(64);
		return max == UINT64_MAX ? v : v % (max + 1);
	}
}

static __attribute__((unused)) void fz_fill(void *p, size_t n)
{
	for (size_t i = 0; i < n; i++)
		((unsigned char *)p)[i] = (unsigned char)fz_u64();
}

/* --- a log of the current input's steps, for a target's fz_dump ---- */

static char fz_log_text[4096];
static size_t fz_log_len; /* emptied before each iteration */

__attribute__((format(printf, 1, 2), unused)) static void
fz_note(const char *fmt, ...)
{
	va_list ap;
	int n;

	if (fz_log_len >= sizeof(fz_log_text) - 96)
		return;
	va_start(ap, fmt);
	n = vsnprintf(fz_log_text + fz_log_len,
		      sizeof(fz_log_text) - fz_log_len, fmt, ap);
	va_end(ap);
	fz_log_len += n > 0 ? (size_t)n : 0;
}

/* --- running and reporting ------------------------------------------ */

static const char *fz_target, *fz_argv0;
static uint64_t fz_seed, fz_iter;
/* Prints the current input; a target sets it before anything can fail. */
static void (*fz_dump)(void);

static void fz_report_end(void)
{
	if (fz_dump) {
		printf("input:\n");
		fz_dump();
	}
	printf("replay: %s -s %llu -r %s:%llu\n", fz_argv0,
	       (unsigned long long)fz_seed, fz_target,
	       (unsigned long long)fz_iter);
	fflush(stdout);
}

__attribute__((format(printf, 4, 5))) static void
fz_fail(const char *file, int line, const char *cond, const char *fmt, ...)
{
	va_list ap;

	printf("FAIL %s: %s:%d: %s: ", fz_target, file, line, cond);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	printf(" (seed %llu, iteration %llu)\n", (unsigned long long)fz_seed,
	       (unsigned long long)fz_iter);
	fz_report_end();
	exit(1);
}

#define FZ_CHECK(cond, ...)                                                    \
	do {                                                                   \
		if (!(cond))                                                   \
			fz_fail(__FILE__, __LINE__, #cond, __VA_ARGS__);       \
	} while (0)

/* pvmini's own invariants fail the run the same way (lib/assert.h). */
__noreturn void assert_failed(const char *file, int line, const char *expr)
{
	fz_fail(file, line, "ASSERT", "%s", expr);
	abort();
}

/* ASan and UBSan have printed their report; say which input it was. */
static void fz_sanitizer_died(void)
{
	printf("FAIL %s: sanitizer report (seed %llu, iteration %llu)\n",
	       fz_target, (unsigned long long)fz_seed,
	       (unsigned long long)fz_iter);
	fz_report_end();
}

/*
 * UBSan, unlike ASan, ends without calling that callback: it is made to
 * abort() instead, and the SIGABRT handler reports.
 */
const char *__ubsan_default_options(void);
const char *__ubsan_default_options(void)
{
	return "abort_on_error=1";
}

static void fz_aborted(int sig)
{
	(void)sig;
	fz_sanitizer_died();
	_exit(1);
}

static uint64_t fz_hash(const char *s)
{
	uint64_t h = 1469598103934665603ULL;

	while (*s)
		h = (h ^ (unsigned char)*s++) * 1099511628211ULL;
	return h;
}

static void fz_run_one(const struct fuzz_target *t, uint64_t iter)
{
	fz_target = t->name;
	fz_iter = iter;
	fz_state = fz_mix(fz_seed ^ fz_hash(t->name)) + fz_mix(iter);
	fz_dump = NULL;
	fz_log_len = 0;
	fz_log_text[0] = '\0';
	t->one();
}

static double fz_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

int main(int argc, char **argv)
{
	const char *only = NULL, *replay = NULL;
	unsigned long n = 0;
	double seconds = 0;
	int opt;

	fz_argv0 = argv[0];
	fz_seed = 1;
	while ((opt = getopt(argc, argv, "s:n:t:o:r:")) != -1) {
		switch (opt) {
		case 's':
			fz_seed = strtoull(optarg, NULL, 0);
			break;
		case 'n':
			n = strtoul(optarg, NULL, 0);
			break;
		case 't':
			seconds = strtod(optarg, NULL);
			break;
		case 'o':
			only = optarg;
			break;
		case 'r':
			replay = optarg;
			break;
		default:
			fprintf(stderr, "usage: see tests/fuzz/fuzz.h\n");
			return 2;
		}
	}
	__sanitizer_set_death_callback(fz_sanitizer_died);
	signal(SIGABRT, fz_aborted);
	setvbuf(stdout, NULL, _IOLBF, 0);
	for (int i = 0; i < fuzz_count; i++) {
		const struct fuzz_target *t = &fuzz_targets[i];
		size_t len = strlen(t->name);
		unsigned long iters = n ? n : t->iterations;
		uint64_t iter = 0;
		double end = fz_now() + seconds / fuzz_count;

		if (replay) {
			if (!strncmp(replay, t->name, len) &&
			    replay[len] == ':') {
				fz_run_one(t,
					   strtoull(replay + len + 1, NULL, 0));
				printf("PASS %s (iteration %s, seed %llu)\n",
				       t->name, replay + len + 1,
				       (unsigned long long)fz_seed);
			}
			continue;
		}
		if (only && strcmp(only, t->name))
			continue;
		if (seconds > 0) {
			while (iter % 1024 || fz_now() < end)
				fz_run_one(t, iter++);
		} else {
			while (iter < iters)
				fz_run_one(t, iter++);
		}
		printf("PASS %s (%llu iterations, seed %llu)\n", t->name,
		       (unsigned long long)iter, (unsigned long long)fz_seed);
	}
	return 0;
}

#endif
