/* SPDX-License-Identifier: BSD-3-Clause */
/* The printf-style formatting engine (see <uk/fmt.h> for what it accepts) */
#include <limits.h>
#include <stdint.h>
#include <stddef.h>
#include <uk/fmt.h>

#define F_LEFT  0x01 /* '-' */
#define F_PLUS  0x02 /* '+' */
#define F_SPACE 0x04 /* ' ' */
#define F_ALT   0x08 /* '#' */
#define F_ZERO  0x10 /* '0' */

enum fmt_len { L_INT, L_CHAR, L_SHORT, L_LONG, L_LLONG, L_SIZE, L_PTRDIFF, L_INTMAX };

struct fmt_spec {
	unsigned int flags;
	int width;
	int prec; /* -1: none given */
	enum fmt_len len;
};

struct fmt_sink {
	uk_fmt_out_t out;
	void *arg;
	int count;
};

static void emit(struct fmt_sink *k, const char *s, size_t len)
{
	if (len == 0)
		return;
	k->out(k->arg, s, len);
	k->count += (int)len;
}

static void emit_pad(struct fmt_sink *k, char c, int n)
{
	char pad[16];
	int i;

	for (i = 0; i < (int)sizeof(pad); i++)
		pad[i] = c;
	while (n > 0) {
		int chunk = n < (int)sizeof(pad) ? n : (int)sizeof(pad);

		emit(k, pad, (size_t)chunk);
		n -= chunk;
	}
}

/* Reads a decimal number or `*`; returns the updated position */
static const char *parse_num(const char *p, int *val, va_list *ap)
{
	int v = 0;

	if (*p == '*') {
		*val = va_arg(*ap, int);
		return p + 1;
	}
	while (*p >= '0' && *p <= '9') {
		/* absurd widths are clamped rather than overflowing */
		if (v < 100000)
			v = v * 10 + (*p - '0');
		p++;
	}
	*val = v;
	return p;
}

static const char *parse_flags(const char *p, struct fmt_spec *s)
{
	for (;; p++) {
		switch (*p) {
		case '-':
			s->flags |= F_LEFT;
			break;
		case '+':
			s->flags |= F_PLUS;
			break;
		case ' ':
			s->flags |= F_SPACE;
			break;
		case '#':
			s->flags |= F_ALT;
			break;
		case '0':
			s->flags |= F_ZERO;
			break;
		default:
			return p;
		}
	}
}

static const char *parse_len(const char *p, struct fmt_spec *s)
{
	s->len = L_INT;
	switch (*p) {
	case 'h':
		if (p[1] == 'h') {
			s->len = L_CHAR;
			return p + 2;
		}
		s->len = L_SHORT;
		return p + 1;
	case 'l':
		if (p[1] == 'l') {
			s->len = L_LLONG;
			return p + 2;
		}
		s->len = L_LONG;
		return p + 1;
	case 'z':
		s->len = L_SIZE;
		return p + 1;
	case 't':
		s->len = L_PTRDIFF;
		return p + 1;
	case 'j':
		s->len = L_INTMAX;
		return p + 1;
	default:
		return p;
	}
}

/* Parses everything between '%' and the conversion character */
static const char *parse_spec(const char *p, struct fmt_spec *s, va_list *ap)
{
	s->flags = 0;
	s->prec = -1;
	p = parse_flags(p, s);
	p = parse_num(p, &s->width, ap);
	if (s->width < 0) {
		/* a negative `*` width means left adjustment */
		s->flags |= F_LEFT;
		s->width = s->width == INT_MIN ? 0 : -s->width;
	}
	if (*p == '.') {
		p = parse_num(p + 1, &s->prec, ap);
		if (s->prec < 0)
			s->prec = -1; /* a negative `*` precision counts as none */
	}
	return parse_len(p, s);
}

static intmax_t fetch_signed(enum fmt_len len, va_list *ap)
{
	switch (len) {
	case L_CHAR:
		return (signed char)va_arg(*ap, int);
	case L_SHORT:
		return (short)va_arg(*ap, int);
	case L_LONG:
		return va_arg(*ap, long);
	case L_LLONG:
		return va_arg(*ap, long long);
	case L_SIZE:
		return (intmax_t)va_arg(*ap, size_t);
	case L_PTRDIFF:
		return va_arg(*ap, ptrdiff_t);
	case L_INTMAX:
		return va_arg(*ap, intmax_t);
	default:
		return va_arg(*ap, int);
	}
}

static uintmax_t fetch_unsigned(enum fmt_len len, va_list *ap)
{
	switch (len) {
	case L_CHAR:
		return (unsigned char)va_arg(*ap, unsigned int);
	case L_SHORT:
		return (unsigned short)va_arg(*ap, unsigned int);
	case L_LONG:
		return va_arg(*ap, unsigned long);
	case L_LLONG:
		return va_arg(*ap, unsigned long long);
	case L_SIZE:
		return va_arg(*ap, size_t);
	case L_PTRDIFF:
		return (uintmax_t)va_arg(*ap, ptrdiff_t);
	case L_INTMAX:
		return va_arg(*ap, uintmax_t);
	default:
		return va_arg(*ap, unsigned int);
	}
}

/* Writes the digits of v right-aligned into buf[0..sz); returns their count */
static int to_digits(uintmax_t v, unsigned int base, int upper, char *buf, int sz)
{
	const char *dig = upper ? "0123456789ABCDEF" : "0123456789abcdef";
	int n = 0;

	/* base is 8, 10 or 16 at every call site (cppcheck cannot see it) */
	while (v && n < sz) {
		// cppcheck-suppress zerodivcond
		buf[sz - 1 - n] = dig[v % base];
		v /= base;
		n++;
	}
	return n;
}

/*
 * Lays out [prefix][zeros][digits] inside the field width. `prefix` is the
 * sign and/or the 0x marker; `zeros` comes from the precision.
 */
static void emit_number(struct fmt_sink *k, const struct fmt_spec *s, const char *prefix,
                        const char *digits, int ndigits)
{
	int plen = 0, zeros = 0, total, pad;

	while (prefix[plen])
		plen++;
	if (s->prec > ndigits)
		zeros = s->prec - ndigits;
	total = plen + zeros + ndigits;
	pad = s->width > total ? s->width - total : 0;
	if ((s->flags & F_ZERO) && !(s->flags & F_LEFT) && s->prec < 0) {
		zeros += pad;
		pad = 0;
	}
	if (!(s->flags & F_LEFT))
		emit_pad(k, ' ', pad);
	emit(k, prefix, (size_t)plen);
	emit_pad(k, '0', zeros);
	emit(k, digits, (size_t)ndigits);
	if (s->flags & F_LEFT)
		emit_pad(k, ' ', pad);
}

/*
 * Text of n characters in the field: the number layout without prefix or
 * zeros, so that strings, characters and numbers share one padding path
 * (under TCG each distinct path is translated once more at boot)
 */
static void emit_text(struct fmt_sink *k, const struct fmt_spec *s, const char *str, int n)
{
	struct fmt_spec t = *s;

	t.prec = -1;
	t.flags &= ~(unsigned int)F_ZERO;
	emit_number(k, &t, "", str, n);
}

static void fmt_integer(struct fmt_sink *k, struct fmt_spec *s, char conv, va_list *ap)
{
	char buf[24]; /* 22 octal digits cover 64 bits */
	char prefix[3] = {0};
	unsigned int base = 10;
	uintmax_t v;
	int n;

	if (conv == 'd' || conv == 'i') {
		intmax_t sv = fetch_signed(s->len, ap);

		v = sv < 0 ? (uintmax_t)0 - (uintmax_t)sv : (uintmax_t)sv;
		if (sv < 0)
			prefix[0] = '-';
		else if (s->flags & F_PLUS)
			prefix[0] = '+';
		else if (s->flags & F_SPACE)
			prefix[0] = ' ';
	} else {
		v = fetch_unsigned(s->len, ap);
		base = conv == 'o' ? 8 : conv == 'u' ? 10 : 16;
		if ((s->flags & F_ALT) && base == 16 && v) {
			prefix[0] = '0';
			prefix[1] = conv;
		}
	}
	n = to_digits(v, base, conv == 'X', buf, (int)sizeof(buf));
	/* the '#' octal form guarantees a leading zero, even for value 0 */
	if (base == 8 && (s->flags & F_ALT) && s->prec <= n)
		buf[sizeof(buf) - 1 - n++] = '0';
	/* value 0 prints as "0" unless the precision is explicitly 0 */
	if (n == 0 && s->prec != 0)
		buf[sizeof(buf) - 1 - n++] = '0';
	emit_number(k, s, prefix, buf + sizeof(buf) - n, n);
}

static void fmt_pointer(struct fmt_sink *k, struct fmt_spec *s, va_list *ap)
{
	void *p = va_arg(*ap, void *);
	char buf[24];
	int n;

	if (!p) {
		emit_text(k, s, "(nil)", 5);
		return;
	}
	n = to_digits((uintptr_t)p, 16, 0, buf, (int)sizeof(buf));
	emit_number(k, s, "0x", buf + sizeof(buf) - n, n);
}

static void fmt_string(struct fmt_sink *k, const struct fmt_spec *s, const char *str)
{
	int n = 0;

	if (!str)
		str = "(null)";
	/* never read past the precision: the string need not be terminated */
	while ((s->prec < 0 || n < s->prec) && str[n])
		n++;
	emit_text(k, s, str, n);
}

/* Like a one-character string, except that '\0' is printed too */
static void fmt_char(struct fmt_sink *k, const struct fmt_spec *s, char c)
{
	emit_text(k, s, &c, 1);
}

/* Handles one conversion; returns the position after it */
static const char *fmt_one(struct fmt_sink *k, const char *start, va_list *ap)
{
	struct fmt_spec s;
	const char *p = parse_spec(start + 1, &s, ap);
	char c;

	switch (*p) {
	case 'd':
	case 'i':
	case 'u':
	case 'x':
	case 'X':
	case 'o':
		fmt_integer(k, &s, *p, ap);
		break;
	case 'p':
		fmt_pointer(k, &s, ap);
		break;
	case 's':
		fmt_string(k, &s, va_arg(*ap, const char *));
		break;
	case 'c':
		c = (char)va_arg(*ap, int);
		fmt_char(k, &s, c);
		break;
	case '%':
		emit(k, "%", 1);
		break;
	case '\0':
		/* a lone '%' at the end: print what we have, stop there */
		emit(k, start, (size_t)(p - start));
		return p;
	default:
		emit(k, start, (size_t)(p - start + 1));
		break;
	}
	return p + 1;
}

#define FAST_FIELD 64 /* widths below this take fmt_fast() */

/* FAST_FIELD - 1 pad characters of each kind */
static const char fast_pad[2][FAST_FIELD] = {
    "                                                               ",
    "000000000000000000000000000000000000000000000000000000000000000"};

/*
 * %[0][width][l](u|x) and %[width]s, the conversions every boot log line
 * uses (the printk header's %5lu.%06lu and %4lu, %s, 0x%lx, the banner's
 * %37s), without the general parser: under TCG each path run before
 * main() is translated first, and this one is a fraction of the general
 * one's size. Same output as fmt_one() for these; NULL (nothing read)
 * for anything else.
 *
 * One va_arg for all three types: in the x86-64 and AArch64 calling
 * conventions an unsigned int, an unsigned long and a pointer each take
 * one 8-byte argument slot (the int's upper half unspecified, so it is
 * cut off), and every va_arg site expands into two paths (register save
 * area or stack). With one padding step for strings and numbers, this
 * is ~10 TCG blocks fewer at boot than a site and a pad loop each.
 */
static const char *fmt_fast(struct fmt_sink *k, const char *p, va_list *ap)
{
	char buf[FAST_FIELD];
	int zero = *++p == '0', width = 0, lng, i = FAST_FIELD;
	unsigned long v, base, len;
	const char *str = buf;

	_Static_assert(sizeof(unsigned long) == sizeof(void *), "one argument slot");
	p += zero;
	while (*p >= '0' && *p <= '9') {
		width = width * 10 + (*p++ - '0');
		if (width >= FAST_FIELD)
			return NULL;
	}
	lng = *p == 'l';
	p += lng;
	if ((*p != 'u' && *p != 'x' && *p != 's') || (*p == 's' && (zero | lng)))
		return NULL;
	v = va_arg(*ap, unsigned long);
	if (*p == 's') {
		str = v ? (const char *)v : "(null)";
		for (len = 0; str[len]; len++)
			;
	} else {
		v = lng ? v : (unsigned int)v;
		base = *p == 'u' ? 10 : 16;
		do {
			buf[--i] = "0123456789abcdef"[v % base];
			v /= base;
		} while (v);
		str = buf + i;
		len = (unsigned long)(FAST_FIELD - i);
	}
	if (len < (unsigned long)width)
		emit(k, fast_pad[zero], (unsigned long)width - len);
	emit(k, str, len);
	return p + 1;
}

int uk_vformat(uk_fmt_out_t out, void *arg, const char *fmt, va_list ap)
{
	struct fmt_sink k = {out, arg, 0};
	va_list aq;

	va_copy(aq, ap);
	while (*fmt) {
		const char *lit = fmt;

		while (*fmt && *fmt != '%')
			fmt++;
		emit(&k, lit, (size_t)(fmt - lit));
		if (*fmt == '%') {
			const char *next = fmt_fast(&k, fmt, &aq);

			fmt = next ? next : fmt_one(&k, fmt, &aq);
		}
	}
	va_end(aq);
	return k.count;
}
