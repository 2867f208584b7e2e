/* SPDX-License-Identifier: BSD-3-Clause */
/* The strtol family on one unsigned core with overflow detection */
#include <stdlib.h>
#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <stdint.h>
#include <inttypes.h>

static int digit(int c)
{
	if (isdigit(c))
		return c - '0';
	if (islower(c))
		return c - 'a' + 10;
	if (isupper(c))
		return c - 'A' + 10;
	return 99;
}

/*
 * Parses sign, base prefix and digits. The magnitude saturates at `limit`
 * (errno = ERANGE, *over = 1); *neg receives the sign; *end points after the number
 * or at s when there was none.
 */
static unsigned long long parse(const char *s, char **end, int base, unsigned long long limit,
                                int *neg, int *over)
{
	const char *p = s, *digits;
	unsigned long long v = 0;
	int d;

	*neg = *over = 0;
	if (base < 0 || base == 1 || base > 36) {
		errno = EINVAL;
		if (end)
			*end = (char *)(uintptr_t)s;
		return 0;
	}
	while (isspace((unsigned char)*p))
		p++;
	if (*p == '+' || *p == '-')
		*neg = *p++ == '-';
	if ((base == 0 || base == 16) && p[0] == '0' && (p[1] == 'x' || p[1] == 'X') &&
	    digit((unsigned char)p[2]) < 16) {
		p += 2;
		base = 16;
	} else if (base == 0) {
		base = p[0] == '0' ? 8 : 10;
	}
	digits = p;
	for (; (d = digit((unsigned char)*p)) < base; p++) {
		if (*over || v > (limit - (unsigned long long)d) / (unsigned long long)base)
			*over = 1;
		else
			v = v * (unsigned long long)base + (unsigned long long)d;
	}
	if (end)
		*end = (char *)(uintptr_t)(p == digits ? s : p);
	if (*over) {
		errno = ERANGE;
		return limit;
	}
	return v;
}

unsigned long long strtoull(const char *restrict s, char **restrict end, int base)
{
	int neg, over;
	unsigned long long v = parse(s, end, base, ULLONG_MAX, &neg, &over);

	/* C: a negated unsigned result, unless it overflowed */
	return neg && !over ? -v : v;
}

unsigned long strtoul(const char *restrict s, char **restrict end, int base)
{
	int neg, over;
	unsigned long long v = parse(s, end, base, ULONG_MAX, &neg, &over);

	return neg && !over ? -(unsigned long)v : (unsigned long)v;
}

long long strtoll(const char *restrict s, char **restrict end, int base)
{
	int neg, over;
	/* one more allowed below zero: the limit depends on the sign, known after parsing */
	unsigned long long v = parse(s, end, base, (unsigned long long)LLONG_MAX + 1, &neg, &over);

	if (!neg && v > (unsigned long long)LLONG_MAX) {
		errno = ERANGE;
		return LLONG_MAX;
	}
	if (neg)
		return v == (unsigned long long)LLONG_MAX + 1 ? LLONG_MIN : -(long long)v;
	return (long long)v;
}

long strtol(const char *restrict s, char **restrict end, int base)
{
	long long v = strtoll(s, end, base);

	if (v > LONG_MAX || v < LONG_MIN) {
		errno = ERANGE;
		return v > 0 ? LONG_MAX : LONG_MIN;
	}
	return (long)v;
}

int atoi(const char *s)
{
	return (int)strtol(s, NULL, 10);
}

long atol(const char *s)
{
	return strtol(s, NULL, 10);
}

long long atoll(const char *s)
{
	return strtoll(s, NULL, 10);
}

intmax_t strtoimax(const char *restrict s, char **restrict end, int base)
{
	return strtoll(s, end, base);
}

uintmax_t strtoumax(const char *restrict s, char **restrict end, int base)
{
	return strtoull(s, end, base);
}
