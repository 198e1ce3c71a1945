/*
 * fuzz_vsnprintf.c - lib/vsnprintf.c against the host's snprintf, the
 * oracle, on formats built from the grammar both define: literal text and
 * up to four conversions (d i u x X o c s p %) with the flags, field
 * width and precision (digits or '*', negative ones too) and length
 * modifiers C gives a meaning for that conversion. Output text, length
 * and truncation must be the same for every buffer size; the buffer is
 * exactly `size` bytes, so a write past it is an ASan report.
 *
 * Every argument is passed as a 64-bit word: on x86-64 both
 * implementations then read the same va_list slots (an int conversion
 * the low half), so one call shape serves every format.
 */
#include <limits.h>
#include "fuzz.h"

int pv_snprintf(char *buf, size_t size, const char *fmt, ...);

/*
 * ASan's own check of libc's printf arguments misreads "%.s" (a zero
 * precision) and reports a read past a string C says is not read. Our
 * vsnprintf is instrumented code, checked as it runs: only libc's
 * interceptor check goes.
 */
const char *__asan_default_options(void);
const char *__asan_default_options(void)
{
	return "check_printf=0";
}

#define MAX_ARGS 12

static char fmt[256];
static size_t fmt_len;
static uint64_t args[MAX_ARGS];
static unsigned int nargs;
/* Strings %s prints; some are not NUL-terminated (see add_string). */
static char *strings[4];
static unsigned int nstrings;

static void dump(void)
{
	printf("  format \"%s\"\n  args", fmt);
	for (unsigned int i = 0; i < nargs; i++)
		printf(" %#llx", (unsigned long long)args[i]);
	printf("\n");
}

static void emit(const char *s)
{
	size_t n = strlen(s);

	if (fmt_len + n < sizeof(fmt)) {
		memcpy(fmt + fmt_len, s, n + 1);
		fmt_len += n;
	}
}

static void emit_number(long v)
{
	char tmp[24];

	snprintf(tmp, sizeof(tmp), "%ld", v);
	emit(tmp);
}

/* A '*' count: small, either sign, or -1 (the C edge for precision). */
static int star_value(int lo, int hi)
{
	return fz_chance(10) ? -1 : lo + (int)fz_below((uint64_t)(hi - lo + 1));
}

/* Flags from `allowed`, in random order, sometimes repeated. */
static void emit_flags(const char *allowed)
{
	for (unsigned int n = fz_below(4); n && *allowed; n--) {
		char f[2] = { allowed[fz_below(strlen(allowed))], 0 };

		emit(f);
	}
}

static void emit_width(void)
{
	switch (fz_below(4)) {
	case 0:
		emit_number(1 + (long)fz_below(40)); /* no leading 0: a flag */
		break;
	case 1:
		emit("*");
		args[nargs++] = (uint64_t)(int64_t)star_value(-40, 40);
		break;
	}
}

static void emit_precision(void)
{
	switch (fz_below(5)) {
	case 0:
		emit(".");
		break;
	case 1:
		emit(".");
		emit_number((long)fz_below(30));
		break;
	case 2:
		emit(".*");
		args[nargs++] = (uint64_t)(int64_t)star_value(-5, 30);
		break;
	}
}

static uint64_t integer_arg(void)
{
	static const int64_t edges[] = { 0,	    1,	       -1,
					 INT_MAX,   INT_MIN,   UINT_MAX,
					 LLONG_MAX, LLONG_MIN, 0x80,
					 0x7f,	    0xffff,    0x8000 };

	if (fz_chance(40))
		return (uint64_t)
			edges[fz_below(sizeof(edges) / sizeof(*edges))];
	return fz_u64() >> fz_below(64);
}

/*
 * A string for %s: NUL-terminated, or (if the precision is known and
 * shorter) an array of exactly that many bytes with no NUL, which C
 * allows and which neither side may read past.
 */
static void add_string(int known_prec)
{
	size_t len = fz_below(24);
	bool terminated =
		known_prec < 0 || (size_t)known_prec >= len || fz_chance(50);
	size_t size = terminated ? len + 1 : (size_t)known_prec;
	char *s = malloc(size ? size : 1);

	for (size_t i = 0; i < size; i++)
		s[i] = (char)(' ' + fz_below(95));
	if (terminated)
		s[len] = '\0';
	strings[nstrings++] = s;
	args[nargs++] = (uintptr_t)s;
}

static void emit_conversion(void)
{
	static const char *const lengths[] = { "",   "hh", "h", "l",
					       "ll", "z",  "t", "j" };
	const char conv = "diuxXocsp%"[fz_below(10)];
	int known_prec = -1;

	emit("%");
	switch (conv) {
	case 'd':
	case 'i':
		emit_flags("-0+ ");
		break;
	case 'u':
		emit_flags("-0+ ");
		break;
	case 'x':
	case 'X':
	case 'o':
		emit_flags("-0#+ ");
		break;
	case 'c':
	case 's':
	case 'p':
		emit_flags("-");
		break;
	}
	if (conv != '%')
		emit_width();
	if (conv == 's') {
		size_t before = fmt_len;

		emit_precision();
		/* A digit precision is known now; a '*' one is the last arg. */
		if (fmt_len > before + 1 && fmt[before + 1] != '*')
			known_prec = atoi(fmt + before + 1);
		else if (fmt_len == before + 1)
			known_prec = 0;
		else if (fmt_len > before + 1)
			known_prec = (int)(int64_t)args[nargs - 1];
	} else if (strchr("diuxXo", conv)) {
		emit_precision();
		emit(lengths[fz_below(8)]);
	}
	{
		char c[2] = { conv, 0 };

		emit(c);
	}
	if (strchr("diuxXo", conv))
		args[nargs++] = integer_arg();
	else if (conv == 'c')
		args[nargs++] = fz_u64() & 0xff;
	else if (conv == 'p') /* glibc writes NULL as (nil), we as 0x0 */
		args[nargs++] = (fz_u64() >> fz_below(64)) | 1;
	else if (conv == 's')
		add_string(known_prec);
}

static void emit_literal(void)
{
	char lit[8];
	size_t n = fz_below(sizeof(lit));

	for (size_t i = 0; i < n; i++)
		lit[i] = (char)(' ' + fz_below(95));
	lit[n] = '\0';
	for (size_t i = 0; i < n; i++)
		if (lit[i] == '%')
			lit[i] = '_';
	emit(lit);
}

#define ALL_ARGS(a)                                                            \
	a[0], a[1], a[2], a[3], a[4], a[5], a[6], a[7], a[8], a[9], a[10], a[11]

FUZZ(formats_vs_libc, 200000)
{
	char want[512];
	int n_want, n_got;
	size_t size;
	char *got;

	fmt_len = 0;
	fmt[0] = '\0';
	nargs = nstrings = 0;
	memset(args, 0, sizeof(args));
	fz_dump = dump;
	for (unsigned int k = 1 + fz_below(4); k; k--) {
		emit_literal();
		emit_conversion();
	}
	emit_literal();

	n_want = snprintf(want, sizeof(want), fmt, ALL_ARGS(args));
	FZ_CHECK(n_want >= 0 && n_want < (int)sizeof(want), "libc: %d", n_want);
	/* Every size from nothing to more than enough, one per iteration. */
	size = fz_chance(50) ? (size_t)n_want + 1 + fz_below(3)
			     : fz_below((uint64_t)n_want + 2);
	got = size ? malloc(size) : NULL;
	n_got = pv_snprintf(got, size, fmt, ALL_ARGS(args));
	FZ_CHECK(n_got == n_want, "returned %d, libc %d (\"%s\")", n_got,
		 n_want, want);
	if (size) {
		size_t kept = (size_t)n_want < size ? (size_t)n_want : size - 1;

		FZ_CHECK(!memcmp(got, want, kept) && got[kept] == '\0',
			 "size %zu: \"%.*s\", libc \"%.*s\"", size, (int)kept,
			 got, (int)kept, want);
	}
	free(got);
	for (unsigned int i = 0; i < nstrings; i++)
		free(strings[i]);
}
