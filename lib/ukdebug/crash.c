/* SPDX-License-Identifier: BSD-3-Clause */
/* UK_CRASH/UK_ASSERT/UK_BUG: report, then stop the machine with the crash status */
#include <uk/print.h>
#include <uk/plat/bootstrap.h>

void _uk_crash(const char *libname, const char *srcname, unsigned int line, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	/* printed whatever the configured level: a crash must never be silent */
	_uk_vprintk(UK_PRINT_CRIT, libname, srcname, line, fmt, ap);
	va_end(ap);
	ukplat_crash();
}
