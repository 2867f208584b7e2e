/* SPDX-License-Identifier: BSD-3-Clause */
/* ukplat_coutk()/ukplat_cink(): fan out to the configured consoles */
#include <uk/config.h>
#include <uk/plat/console.h>
#include <kvm/console.h>
#include <kvm/errno.h>

int ukplat_coutk(const char *buf, unsigned int len)
{
	unsigned int i;

	if (!buf)
		return -EINVAL;
	for (i = 0; i < len; i++) {
#if CONFIG_KVM_CONSOLE_SERIAL
		kvm_serial_putc(buf[i]);
#endif
#if CONFIG_KVM_CONSOLE_VGA
		kvm_vga_putc(buf[i]);
#endif
	}
	return (int)len;
}

int ukplat_cink(char *buf, unsigned int maxlen)
{
	unsigned int n = 0;
	int c;

	if (!buf && maxlen)
		return -EINVAL;
#if CONFIG_KVM_CONSOLE_SERIAL
	while (n < maxlen && (c = kvm_serial_getc()) >= 0)
		buf[n++] = (char)c;
#else
	(void)c;
#endif
	return (int)n;
}
