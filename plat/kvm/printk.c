/* SPDX-License-Identifier: BSD-3-Clause */
/* Console output of formatted lines, usable from exception context */
#include <stdint.h>
#include <uk/plat/console.h>
#include <uk/plat/time.h>
#include <kvm/printk.h>
#if CONFIG_LIBUKDEBUG
#include <uk/print.h>
#endif

#define KVM_PRINTK_BUF 256

static void write_clamped(const char *buf, int n)
{
	if (n < 0)
		return;
	if (n >= KVM_PRINTK_BUF)
		n = KVM_PRINTK_BUF - 1;
	ukplat_coutk(buf, (unsigned int)n);
}

void kvm_printf(const char *fmt, ...)
{
	char buf[KVM_PRINTK_BUF];
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = kvm_vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	write_clamped(buf, n);
}

#if CONFIG_LIBUKDEBUG
/* ukdebug's printk writes the line: its header code is translated once at
 * boot (TCG) for the platform's lines and everyone else's */
void kvm_log(int level, const char *file, int line, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	_uk_vprintk(level, "libkvmplat", file, (unsigned int)line, fmt, ap);
	va_end(ap);
}
#else
static const char *const level_name[] = {
    [KVM_LOG_CRIT] = "CRIT", [KVM_LOG_ERR] = "ERR",     [KVM_LOG_WARN] = "Warn",
    [KVM_LOG_INFO] = "Info", [KVM_LOG_DEBUG] = "Debug",
};

void kvm_log(int level, const char *file, int line, const char *fmt, ...)
{
	char buf[KVM_PRINTK_BUF];
	uint64_t now = ukplat_monotonic_clock();
	va_list ap;
	int n;

	if (level < KVM_LOG_CRIT || level > KVM_LOG_DEBUG)
		level = KVM_LOG_CRIT;
	n = kvm_snprintf(buf, sizeof(buf), "[%5lu.%06lu] %s: [libkvmplat] <%s @ %4d> ",
	                 (unsigned long)(now / 1000000000ULL),
	                 (unsigned long)(now % 1000000000ULL / 1000), level_name[level], file,
	                 line);
	write_clamped(buf, n);
	va_start(ap, fmt);
	n = kvm_vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	write_clamped(buf, n);
}
#endif
