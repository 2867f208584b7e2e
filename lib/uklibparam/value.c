/* SPDX-License-Identifier: BSD-3-Clause */
/* Parses and range-checks one parameter value */
#include <errno.h>
#include <stdint.h>
#include <uk/libparam.h>

static int streq(const char *a, const char *b)
{
	while (*a && *a == *b) {
		a++;
		b++;
	}
	return *a == *b;
}

static int parse_bool(const char *s, _Bool *out)
{
	static const char *const yes[] = {"1", "y", "yes", "true", "on"};
	static const char *const no[] = {"0", "n", "no", "false", "off"};
	unsigned int i;

	for (i = 0; i < sizeof(yes) / sizeof(yes[0]); i++) {
		if (streq(s, yes[i])) {
			*out = 1;
			return 0;
		}
		if (streq(s, no[i])) {
			*out = 0;
			return 0;
		}
	}
	return -EINVAL;
}

static int digit_value(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return 99;
}

/* Magnitude in decimal, 0x hex or 0 octal; -EINVAL for junk, -ERANGE past 64 bits */
static int parse_magnitude(const char *s, uint64_t *out)
{
	unsigned int base = 10;
	uint64_t v = 0;
	int d;

	if (s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) {
		base = 16;
		s += 2;
	} else if (s[0] == '0' && s[1]) {
		base = 8;
		s++;
	}
	if (*s == '\0')
		return -EINVAL;
	for (; *s; s++) {
		d = digit_value(*s);
		if (d >= (int)base)
			return -EINVAL;
		if (v > (UINT64_MAX - (uint64_t)d) / base)
			return -ERANGE;
		v = v * base + (uint64_t)d;
	}
	*out = v;
	return 0;
}

static unsigned int int_bits(enum uk_libparam_type t)
{
	static const unsigned char bits[] = {
	    [UK_LIBPARAM_S8] = 8,   [UK_LIBPARAM_U8] = 8,   [UK_LIBPARAM_S16] = 16,
	    [UK_LIBPARAM_U16] = 16, [UK_LIBPARAM_S32] = 32, [UK_LIBPARAM_U32] = 32,
	    [UK_LIBPARAM_S64] = 64, [UK_LIBPARAM_U64] = 64,
	};

	return bits[t];
}

static int is_signed(enum uk_libparam_type t)
{
	return t == UK_LIBPARAM_S8 || t == UK_LIBPARAM_S16 || t == UK_LIBPARAM_S32 ||
	       t == UK_LIBPARAM_S64;
}

static void store_int(enum uk_libparam_type t, uint64_t bits, void *out)
{
	switch (int_bits(t)) {
	case 8:
		*(uint8_t *)out = (uint8_t)bits;
		break;
	case 16:
		*(uint16_t *)out = (uint16_t)bits;
		break;
	case 32:
		*(uint32_t *)out = (uint32_t)bits;
		break;
	default:
		*(uint64_t *)out = bits;
		break;
	}
}

static int parse_int(enum uk_libparam_type t, const char *s, void *out)
{
	unsigned int bits = int_bits(t);
	uint64_t mag, max;
	int neg = 0, ret;

	if (*s == '-' || *s == '+')
		neg = *s++ == '-';
	ret = parse_magnitude(s, &mag);
	if (ret)
		return ret;
	if (is_signed(t)) {
		/* the positive limit is 2^(bits-1)-1, the negative one 2^(bits-1) */
		max = ((uint64_t)1 << (bits - 1)) - 1 + (uint64_t)neg;
		if (mag > max)
			return -ERANGE;
		store_int(t, neg ? (uint64_t)0 - mag : mag, out);
		return 0;
	}
	max = bits == 64 ? UINT64_MAX : ((uint64_t)1 << bits) - 1;
	if (neg && mag)
		return -ERANGE;
	if (mag > max)
		return -ERANGE;
	store_int(t, mag, out);
	return 0;
}

int uk_libparam_value(enum uk_libparam_type t, const char *s, void *out)
{
	switch (t) {
	case UK_LIBPARAM_BOOL:
		return parse_bool(s, out);
	case UK_LIBPARAM_CHARP:
		*(const char **)out = s;
		return 0;
	case UK_LIBPARAM_S8:
	case UK_LIBPARAM_U8:
	case UK_LIBPARAM_S16:
	case UK_LIBPARAM_U16:
	case UK_LIBPARAM_S32:
	case UK_LIBPARAM_U32:
	case UK_LIBPARAM_S64:
	case UK_LIBPARAM_U64:
		return parse_int(t, s, out);
	}
	return -EINVAL;
}
