/* Device interrupt scenario: COM1's receive interrupt (ISA IRQ 4) through
 * ukplat_irq_register(). The handler runs in interrupt context, hence this
 * file's -mgeneral-regs-only (Makefile.uk). */
#include <stddef.h>
#include <uk/arch/lcpu.h>
#include <uk/plat.h>
#include "scenarios.h"

#define COM1_IER         0x3f9
#define COM1_MCR         0x3fc
#define IER_RX_AVAIL     0x01
#define MCR_DTR_RTS_OUT2 0x0b
#define COM1_IRQ         4

static volatile unsigned int rx_irqs;
static volatile char rx_char;

static int uart_rx(void *arg)
{
	char c;

	(void)arg;
	if (ukplat_cink(&c, 1) != 1)
		return 0;
	rx_char = c;
	rx_irqs++;
	return 1;
}

static int reject(void *arg)
{
	(void)arg;
	return 0;
}

void kt_irq(uint64_t seconds)
{
	uint64_t end = ukplat_monotonic_clock() + seconds * 1000000000ULL;
	int bad_line = ukplat_irq_register(99, reject, NULL);
	int bad_fn = ukplat_irq_register(COM1_IRQ, NULL, NULL);
	int rc = ukplat_irq_register(COM1_IRQ, uart_rx, NULL);
	/* GSI 40: only microvm's second I/O APIC (GSIs 24-47) serves it; no
	 * device drives it, so the handler never runs */
	int gsi40 = ukplat_irq_register(40, reject, NULL);

	outb(COM1_MCR, MCR_DTR_RTS_OUT2);
	outb(COM1_IER, IER_RX_AVAIL);
	kt_printf("kvmtest: irq register=%d badline=%d badfn=%d, waiting\n", rc, bad_line, bad_fn);
	kt_printf("kvmtest: irq gsi40=%d\n", gsi40);
	while (!rx_irqs && ukplat_monotonic_clock() < end)
		ukplat_lcpu_halt_until(end);
	outb(COM1_IER, 0);
	kt_printf("kvmtest: irq count=%u char=%c\n", rx_irqs, rx_irqs ? rx_char : '-');
}
