/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * A bounded printf-style formatter: integers, strings, characters and
 * pointers only. Compiled with -mgeneral-regs-only because crash reports
 * use it from exception context.
 */
#include <stdbool.h>
#include <stdint.h>
#include <kvm/printk.h>

struct fmt_out {
	char *buf;
	size_t size;
	size_t len; /* characters produced, even those that did not fit */
};

struct fmt_spec {
	bool zero_pad;
	bool left;
	unsigned int width;
	int lng; /* 0: int, 1: long, 2: long long */
};

static void out_char(struct fmt_out *o, char c)
{
	if (o->len + 1 < o->size)
		o->buf[o->len] = c;
	o->len++;
}

static void out_padded(struct fmt_out *o, const char *s, size_t n, const struct fmt_spec *sp,
                       char pad)
{
	size_t i;

	if (!sp->left)
		for (i = n; i < sp->width; i++)
			out_char(o, pad);
	for (i = 0; i < n; i++)
		out_char(o, s[i]);
	if (sp->left)
		for (i = n; i < sp->width; i++)
			out_char(o, ' ');
}

static void out_unsigned(struct fmt_out *o, uint64_t v, unsigned int base, bool neg,
                         const struct fmt_spec *sp)
{
	static const char digits[] = "0123456789abcdef";
	char tmp[24];
	int n = sizeof(tmp);

	do {
		tmp[--n] = digits[v % base];
		v /= base;
	} while (v);
	if (neg) {
		if (sp->zero_pad && sp->width) {
			struct fmt_spec rest = *sp;

			out_char(o, '-');
			rest.width = sp->width ? sp->width - 1 : 0;
			out_padded(o, &tmp[n], sizeof(tmp) - n, &rest, '0');
			return;
		}
		tmp[--n] = '-';
	}
	out_padded(o, &tmp[n], sizeof(tmp) - n, sp, sp->zero_pad ? '0' : ' ');
}

static const char *parse_spec(const char *f, struct fmt_spec *sp)
{
	*sp = (struct fmt_spec){0};
	for (;; f++) {
		if (*f == '0')
			sp->zero_pad = true;
		else if (*f == '-')
			sp->left = true;
		else
			break;
	}
	while (*f >= '0' && *f <= '9')
		sp->width = sp->width * 10 + (unsigned int)(*f++ - '0');
	while (*f == 'l' || *f == 'z') {
		sp->lng = sp->lng < 2 ? sp->lng + 1 : 2;
		f++;
	}
	return f;
}

static uint64_t arg_unsigned(va_list *ap, int lng)
{
	if (lng == 0)
		return va_arg(*ap, unsigned int);
	return va_arg(*ap, unsigned long);
}

static int64_t arg_signed(va_list *ap, int lng)
{
	if (lng == 0)
		return va_arg(*ap, int);
	return va_arg(*ap, long);
}

static void out_conversion(struct fmt_out *o, char c, const struct fmt_spec *sp, va_list *ap)
{
	const char *s;
	size_t n;
	int64_t sv;
	char ch;

	switch (c) {
	case 'd':
	case 'i':
		sv = arg_signed(ap, sp->lng);
		out_unsigned(o, sv < 0 ? -(uint64_t)sv : (uint64_t)sv, 10, sv < 0, sp);
		break;
	case 'u':
		out_unsigned(o, arg_unsigned(ap, sp->lng), 10, false, sp);
		break;
	case 'x':
		out_unsigned(o, arg_unsigned(ap, sp->lng), 16, false, sp);
		break;
	case 'p':
		out_char(o, '0');
		out_char(o, 'x');
		out_unsigned(o, (uintptr_t)va_arg(*ap, void *), 16, false, sp);
		break;
	case 's':
		s = va_arg(*ap, const char *);
		if (!s)
			s = "(null)";
		for (n = 0; s[n]; n++)
			;
		out_padded(o, s, n, sp, ' ');
		break;
	case 'c':
		ch = (char)va_arg(*ap, int);
		out_padded(o, &ch, 1, sp, ' ');
		break;
	default:
		out_char(o, '%');
		out_char(o, c);
		break;
	}
}

int kvm_vsnprintf(char *buf, size_t size, const char *fmt, va_list ap)
{
	struct fmt_out o = {.buf = buf, .size = size, .len = 0};
	struct fmt_spec sp;
	va_list aq;

	va_copy(aq, ap);
	while (*fmt) {
		if (*fmt != '%') {
			out_char(&o, *fmt++);
			continue;
		}
		fmt++;
		if (*fmt == '%') {
			out_char(&o, *fmt++);
			continue;
		}
		fmt = parse_spec(fmt, &sp);
		if (!*fmt)
			break;
		out_conversion(&o, *fmt++, &sp, &aq);
	}
	va_end(aq);
	if (size)
		buf[o.len < size ? o.len : size - 1] = '\0';
	return (int)o.len;
}

int kvm_snprintf(char *buf, size_t size, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = kvm_vsnprintf(buf, size, fmt, ap);
	va_end(ap);
	return n;
}
