/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * 16550 UART on COM1, polled. Needs nothing but port I/O, so it is the first
 * thing the boot code brings up and the console of crash reports.
 */
#include <uk/arch/lcpu.h>
#include <kvm/console.h>

#define COM1         0x3f8
#define UART_THR     0 /* transmit holding (DLAB=0) */
#define UART_RBR     0 /* receive buffer (DLAB=0) */
#define UART_DLL     0 /* divisor low (DLAB=1) */
#define UART_IER     1
#define UART_DLM     1 /* divisor high (DLAB=1) */
#define UART_FCR     2
#define UART_LCR     3
#define UART_MCR     4
#define UART_LSR     5
#define LCR_DLAB     0x80
#define LCR_8N1      0x03
#define LSR_DR       0x01 /* data ready */
#define LSR_THRE     0x20 /* transmit holding register empty */
#define FCR_ENABLE   0xc7 /* enable and clear FIFOs, 14-byte threshold */
#define MCR_DTR_RTS  0x03
#define DIVISOR_115K 1

/* A missing or wedged UART must not hang the kernel: give up after this */
#define THRE_SPIN_LIMIT 100000

void kvm_serial_init(void)
{
	outb(COM1 + UART_IER, 0);
	outb(COM1 + UART_LCR, LCR_DLAB);
	outb(COM1 + UART_DLL, DIVISOR_115K);
	outb(COM1 + UART_DLM, 0);
	outb(COM1 + UART_LCR, LCR_8N1);
	outb(COM1 + UART_FCR, FCR_ENABLE);
	outb(COM1 + UART_MCR, MCR_DTR_RTS);
}

static void serial_raw_putc(char c)
{
	int spin = THRE_SPIN_LIMIT;

	while (!(inb(COM1 + UART_LSR) & LSR_THRE) && --spin)
		ukarch_pause();
	outb(COM1 + UART_THR, (__u8)c);
}

void kvm_serial_putc(char c)
{
	if (c == '\n')
		serial_raw_putc('\r');
	serial_raw_putc(c);
}

int kvm_serial_getc(void)
{
	if (!(inb(COM1 + UART_LSR) & LSR_DR))
		return -1;
	return inb(COM1 + UART_RBR);
}
