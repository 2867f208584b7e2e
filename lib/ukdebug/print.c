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

/* room for the header, any line of a message and its newline */
#define LINE_BUF (HDR_MAX + UK_PRINTK_MAX)

/*
 * Each line of the message goes out as header + line + newline in one
 * console write (so that lines printed from interrupt context cannot split
 * another line): the header is formatted once at the start of the output
 * buffer, each line copied after it.
 */
void _uk_vprintk(int lvl, const char *libname, const char *srcname, unsigned int line,
                 const char *fmt, va_list ap)
{
	char msg[UK_PRINTK_MAX], out[LINE_BUF];
	int n = uk_vsnprintf(msg, sizeof(msg), fmt, ap);
	unsigned int hlen = (unsigned int)header(out, lvl, libname, srcname, line), len;
	const char *s = msg;

	if (n >= (int)sizeof(msg)) {
		/* too long: say so rather than silently dropping the tail */
		msg[sizeof(msg) - 4] = msg[sizeof(msg) - 3] = msg[sizeof(msg) - 2] = '.';
	}
	do {
		for (len = 0; s[len] && s[len] != '\n'; len++)
			out[hlen + len] = s[len];
		out[hlen + len] = '\n';
		ukplat_coutk(out, hlen + len + 1);
		s += s[len] ? len + 1 : len;
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
