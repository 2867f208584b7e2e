/* SPDX-License-Identifier: BSD-3-Clause */
/* printk: formats a message and writes it line by line with a header */
#include <stdint.h>
#include <uk/fmt.h>
#include <uk/print.h>
#include <uk/plat/console.h>
#include <uk/plat/time.h>

#define HDR_MAX 128

static const char *const level_tag[] = {
    [UK_PRINT_CRIT] = "CRIT: ", [UK_PRINT_ERR] = "ERR:  ",   [UK_PRINT_WARN] = "Warn: ",
    [UK_PRINT_INFO] = "Info: ", [UK_PRINT_DEBUG] = "dbg:  ",
};

static int header(char *hdr, int lvl, const char *libname, const char *srcname, unsigned int line)
{
	uint64_t ns = ukplat_monotonic_clock();
	unsigned long sec = (unsigned long)(ns / 1000000000ULL);
	unsigned long usec = (unsigned long)(ns % 1000000000ULL / 1000);
	int n;

	if (lvl < UK_PRINT_CRIT || lvl > UK_PRINT_DEBUG)
		lvl = UK_PRINT_CRIT;
	/* every number as %lu: under TCG each length modifier is one more
	 * formatter path to translate at boot (unsigned long is 64 bits) */
	n = uk_snprintf(hdr, HDR_MAX, "[%5lu.%06lu] %s[%s] <%s @ %4lu> ", sec, usec, level_tag[lvl],
	                libname, srcname, (unsigned long)line);
	return n < HDR_MAX ? n : HDR_MAX - 1;
}

#define LINE_BUF (HDR_MAX + 160)

/*
 * Writes header + one line + newline, as one console write when it fits,
 * so that lines printed from interrupt context cannot split another line.
 */
static void emit_line(const char *hdr, int hlen, const char *s, unsigned int len)
{
	char out[LINE_BUF];
	unsigned int i;

	if ((unsigned int)hlen + len + 1 > sizeof(out)) {
		ukplat_coutk(hdr, (unsigned int)hlen);
		ukplat_coutk(s, len);
		ukplat_coutk("\n", 1);
		return;
	}
	for (i = 0; i < (unsigned int)hlen; i++)
		out[i] = hdr[i];
	for (i = 0; i < len; i++)
		out[hlen + i] = s[i];
	out[hlen + len] = '\n';
	ukplat_coutk(out, (unsigned int)hlen + len + 1);
}

void _uk_vprintk(int lvl, const char *libname, const char *srcname, unsigned int line,
                 const char *fmt, va_list ap)
{
	char msg[UK_PRINTK_MAX], hdr[HDR_MAX];
	int n = uk_vsnprintf(msg, sizeof(msg), fmt, ap);
	int hlen = header(hdr, lvl, libname, srcname, line);
	const char *s = msg;

	if (n >= (int)sizeof(msg)) {
		/* too long: say so rather than silently dropping the tail */
		msg[sizeof(msg) - 4] = msg[sizeof(msg) - 3] = msg[sizeof(msg) - 2] = '.';
	}
	do {
		const char *e = s;

		while (*e && *e != '\n')
			e++;
		emit_line(hdr, hlen, s, (unsigned int)(e - s));
		s = *e ? e + 1 : e;
	} while (*s);
}

void _uk_printk(int lvl, const char *libname, const char *srcname, unsigned int line,
                const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	_uk_vprintk(lvl, libname, srcname, line, fmt, ap);
	va_end(ap);
}
