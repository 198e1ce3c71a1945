/*
 * vsnprintf.c - formatted output into a bounded buffer.
 *
 * The subset a kernel needs: %d %i %u %x %X %o %p %s %c %%, the flags
 * '-' '0' '#' '+' ' ', a field width and precision (either may be '*'),
 * and the length modifiers hh h l ll z t j. No floating point: the kernel
 * is built without SSE so that it never touches an application's xmm
 * state.
 *
 * Like C's vsnprintf, it always NUL-terminates when size > 0 and returns
 * the length the full output would have had - except that a length past
 * INT_MAX (a width of 2^31) is returned as INT_MAX, not as C's -1:
 * callers such as printk use the result as a length. Padding beyond the
 * buffer is only counted, so a huge width or precision costs no time.
 */
#include <pvmini/lib.h>
#include "lib/assert.h"

struct out {
	char *buf;
	size_t size;
	size_t len; /* would-be length, may exceed size */
};

static void put(struct out *o, char c)
{
	if (o->len + 1 < o->size)
		o->buf[o->len] = c;
	o->len++;
}

static void pad(struct out *o, char c, long n)
{
	for (; n > 0 && o->len + 1 < o->size; n--)
		put(o, c);
	if (n > 0)
		o->len += (size_t)n;
}

enum {
	F_LEFT = 1,
	F_ZERO = 2,
	F_ALT = 4,
	F_PLUS = 8,
	F_SPACE = 16,
	F_PTR = 32
};

static void put_string(struct out *o, const char *s, long width, long prec,
		       unsigned flags)
{
	long n;

	if (!s)
		s = "(null)";
	n = (long)strnlen(s, prec < 0 ? (size_t)-1 : (size_t)prec);
	if (!(flags & F_LEFT))
		pad(o, ' ', width - n);
	for (long i = 0; i < n; i++)
		put(o, s[i]);
	if (flags & F_LEFT)
		pad(o, ' ', width - n);
}

static void put_number(struct out *o, unsigned long long v, bool negative,
		       unsigned base, bool upper, long width, long prec,
		       unsigned flags)
{
	const char *digits = upper ? "0123456789ABCDEF" : "0123456789abcdef";
	char tmp[24]; /* 2^64 in octal has 22 digits */
	int n = 0;
	long zeros, len;
	const char *prefix = "";
	bool zero = v == 0;

	do {
		ASSERT(n < (int)sizeof(tmp));
		tmp[n++] = digits[v % base];
		v /= base;
	} while (v);
	if (prec == 0 && n == 1 && tmp[0] == '0')
		n = 0; /* "%.0d" of 0 prints nothing, as in C */
	zeros = prec > n ? prec - n : 0;

	/* The caller drops '+' and ' ' for unsigned conversions. */
	if (negative)
		prefix = "-";
	else if (flags & F_PLUS)
		prefix = "+";
	else if (flags & F_SPACE)
		prefix = " ";
	/* C gives 0 no "0x"; a pointer always has it (NULL is 0x0). */
	else if ((flags & F_ALT) && base == 16 && (!zero || (flags & F_PTR)))
		prefix = upper ? "0X" : "0x";
	/* Octal's '#' makes the first digit a 0, unless zeros already do. */
	else if ((flags & F_ALT) && base == 8 && !zeros &&
		 (n == 0 || tmp[n - 1] != '0'))
		prefix = "0";

	len = (long)strlen(prefix) + zeros + n;
	if ((flags & F_ZERO) && !(flags & F_LEFT) && prec < 0 && width > len) {
		zeros += width - len;
		len = width;
	}
	if (!(flags & F_LEFT))
		pad(o, ' ', width - len);
	for (const char *p = prefix; *p; p++)
		put(o, *p);
	pad(o, '0', zeros);
	while (n)
		put(o, tmp[--n]);
	if (flags & F_LEFT)
		pad(o, ' ', width - len);
}

/*
 * Reads a width or precision at *fmt, digits or '*', into *count; false
 * if there is none. Digits stop growing past INT_MAX: an output that long
 * is reported as INT_MAX anyway.
 */
static bool read_count(const char **fmt, va_list *ap, long *count)
{
	if (**fmt == '*') {
		(*fmt)++;
		*count = va_arg(*ap, int);
		return true;
	}
	if (**fmt < '0' || **fmt > '9')
		return false;
	for (*count = 0; **fmt >= '0' && **fmt <= '9'; (*fmt)++)
		if (*count <= __INT_MAX__)
			*count = *count * 10 + (**fmt - '0');
	return true;
}

int vsnprintf(char *buf, size_t size, const char *fmt, va_list args)
{
	struct out o = { buf, size, 0 };
	va_list ap;

	va_copy(ap, args);
	for (; *fmt; fmt++) {
		unsigned flags = 0, base = 10;
		long width = 0, prec = -1;
		int lng = 0;
		unsigned long long v;
		bool is_signed = false, negative = false;

		if (*fmt != '%') {
			put(&o, *fmt);
			continue;
		}
		for (;; fmt++) {
			char c = fmt[1];

			if (c == '-')
				flags |= F_LEFT;
			else if (c == '0')
				flags |= F_ZERO;
			else if (c == '#')
				flags |= F_ALT;
			else if (c == '+')
				flags |= F_PLUS;
			else if (c == ' ')
				flags |= F_SPACE;
			else
				break;
		}
		fmt++;
		/* C: a negative '*' width is a '-' flag and its value. */
		if (read_count(&fmt, &ap, &width) && width < 0) {
			flags |= F_LEFT;
			width = -width;
		}
		if (*fmt == '.') {
			fmt++;
			/* "." alone is 0; a negative '*' is as if omitted. */
			if (!read_count(&fmt, &ap, &prec))
				prec = 0;
			else if (prec < 0)
				prec = -1;
		}
		/* Length: lng counts l's; 'z', 't', 'j' are long-sized here. */
		for (;; fmt++) {
			if (*fmt == 'l' || *fmt == 'z' || *fmt == 't' ||
			    *fmt == 'j')
				lng++;
			else if (*fmt == 'h')
				lng--;
			else
				break;
		}

		switch (*fmt) {
		case 'c':
			pad(&o, ' ', (flags & F_LEFT) ? 0 : width - 1);
			put(&o, (char)va_arg(ap, int));
			pad(&o, ' ', (flags & F_LEFT) ? width - 1 : 0);
			continue;
		case 's':
			put_string(&o, va_arg(ap, const char *), width, prec,
				   flags);
			continue;
		case 'p':
			v = (uintptr_t)va_arg(ap, void *);
			put_number(&o, v, false, 16, false, width, prec,
				   (flags & ~(F_PLUS | F_SPACE)) | F_ALT |
					   F_PTR);
			continue;
		case 'd':
		case 'i':
			is_signed = true;
			break;
		case 'u':
			break;
		case 'x':
		case 'X':
			base = 16;
			break;
		case 'o':
			base = 8;
			break;
		case '%':
			put(&o, '%');
			continue;
		case '\0':
			fmt--; /* a lone '%' at the end: print nothing more */
			continue;
		default: /* unknown conversion: show it rather than guess */
			put(&o, '%');
			put(&o, *fmt);
			continue;
		}

		if (is_signed) {
			long long s = lng >= 2	 ? va_arg(ap, long long)
				      : lng == 1 ? va_arg(ap, long)
						 : va_arg(ap, int);
			if (lng == -1)
				s = (short)s;
			else if (lng <= -2)
				s = (signed char)s;
			negative = s < 0;
			v = negative ? 0ULL - (unsigned long long)s
				     : (unsigned long long)s;
		} else {
			flags &= ~(F_PLUS | F_SPACE); /* for signed ones only */
			v = lng >= 2   ? va_arg(ap, unsigned long long)
			    : lng == 1 ? va_arg(ap, unsigned long)
				       : va_arg(ap, unsigned int);
			if (lng == -1)
				v = (unsigned short)v;
			else if (lng <= -2)
				v = (unsigned char)v;
		}
		put_number(&o, v, negative, base, *fmt == 'X', width, prec,
			   flags);
	}
	va_end(ap);
	if (size)
		buf[o.len < size ? o.len : size - 1] = '\0';
	return o.len > __INT_MAX__ ? __INT_MAX__ : (int)o.len;
}

int snprintf(char *buf, size_t size, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(buf, size, fmt, ap);
	va_end(ap);
	return n;
}
