/*
 * stats - summary statistics of numbers, a demo of newlib on pvmini.
 *
 * The numbers come from the command line (the cfg's extra="-- 1 2.5 3e2")
 * or, with no arguments, from the console: type them, Enter, then ^D.
 * Prints them sorted, then count, min, max, sum, mean, median and the
 * (population) standard deviation, and how long that took. Anything that
 * is not a number is an error: exit code 2, and the domain says so.
 *
 * Uses strtod, malloc/realloc, qsort, printf, libm and time, as an
 * ordinary C program would.
 */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

struct numbers {
	double *v;
	size_t n, cap;
};

/* Parses one word into the list; returns 0, or -1 after saying why. */
static int add(struct numbers *nums, const char *word)
{
	char *end;
	double x;

	errno = 0;
	x = strtod(word, &end);
	if (end == word || *end || errno == ERANGE || !isfinite(x)) {
		fprintf(stderr, "stats: '%s' is not a finite number\n", word);
		return -1;
	}
	if (nums->n == nums->cap) {
		size_t cap = nums->cap ? nums->cap * 2 : 16;
		double *v = realloc(nums->v, cap * sizeof(*v));

		if (!v) {
			fprintf(stderr, "stats: out of memory at %zu numbers\n",
				nums->n);
			return -1;
		}
		nums->v = v;
		nums->cap = cap;
	}
	nums->v[nums->n++] = x;
	return 0;
}

static int read_stdin(struct numbers *nums)
{
	char line[256];

	fprintf(stderr, "stats: type numbers, Enter, then ^D to finish\n");
	while (fgets(line, sizeof(line), stdin)) {
		for (char *w = strtok(line, " \t\n"); w;
		     w = strtok(NULL, " \t\n"))
			if (add(nums, w))
				return -1;
	}
	return 0;
}

static int by_value(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

static void summarize(struct numbers *nums)
{
	double sum = 0, sq = 0, mean, median;
	size_t n = nums->n;

	/* Sums in input order, before sorting (tests recompute them so). */
	for (size_t i = 0; i < n; i++)
		sum += nums->v[i];
	mean = sum / n;
	for (size_t i = 0; i < n; i++)
		sq += (nums->v[i] - mean) * (nums->v[i] - mean);
	qsort(nums->v, n, sizeof(double), by_value);
	median = n % 2 ? nums->v[n / 2]
		       : (nums->v[n / 2 - 1] + nums->v[n / 2]) / 2;

	printf("sorted:");
	for (size_t i = 0; i < n; i++)
		printf(" %g", nums->v[i]);
	printf("\n");
	printf("count %zu min %g max %g sum %.6g\n", n, nums->v[0],
	       nums->v[n - 1], sum);
	printf("mean %.6g median %.6g stddev %.6g\n", mean, median,
	       sqrt(sq / n));
}

int main(int argc, char **argv)
{
	struct numbers nums = { 0 };
	struct timespec t0, t1;
	time_t now = time(NULL);
	char date[32];

	clock_gettime(CLOCK_MONOTONIC, &t0);
	for (int i = 1; i < argc; i++)
		if (add(&nums, argv[i]))
			return 2;
	if (argc == 1 && read_stdin(&nums))
		return 2;
	printf("stats: %zu numbers from %s\n", nums.n,
	       argc > 1 ? "the command line" : "the console");
	if (!nums.n) {
		fprintf(stderr, "stats: no numbers\n");
		return 2;
	}
	summarize(&nums);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	strftime(date, sizeof(date), "%Y-%m-%d %H:%M:%S", gmtime(&now));
	printf("stats: done at %s UTC in %ld us\n", date,
	       (long)((t1.tv_sec - t0.tv_sec) * 1000000L +
		      (t1.tv_nsec - t0.tv_nsec) / 1000));
	free(nums.v);
	return 0;
}
