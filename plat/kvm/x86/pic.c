/* SPDX-License-Identifier: BSD-3-Clause */
/* Legacy 8259 PIC pair: remapped away from the exception vectors, then
 * masked; used for device IRQs only when there is no I/O APIC. */
#include <uk/arch/lcpu.h>
#include <kvm/intctrl.h>
#include <kvm/traps.h>

#define PIC1_CMD  0x20
#define PIC1_DATA 0x21
#define PIC2_CMD  0xa0
#define PIC2_DATA 0xa1
#define ICW1_INIT 0x11 /* edge triggered, cascade, ICW4 follows */
#define ICW4_8086 0x01
#define PIC_EOI   0x20
#define CASCADE   2

static uint16_t pic_mask = 0xffff & ~(1U << CASCADE);

static void pic_write_mask(void)
{
	outb(PIC1_DATA, pic_mask & 0xff);
	outb(PIC2_DATA, pic_mask >> 8);
}

void kvm_pic_init(void)
{
	outb(PIC1_CMD, ICW1_INIT);
	outb(PIC2_CMD, ICW1_INIT);
	outb(PIC1_DATA, KVM_VEC_IRQ_BASE);
	outb(PIC2_DATA, KVM_VEC_IRQ_BASE + 8);
	outb(PIC1_DATA, 1U << CASCADE); /* slave on line 2 */
	outb(PIC2_DATA, CASCADE);       /* slave identity */
	outb(PIC1_DATA, ICW4_8086);
	outb(PIC2_DATA, ICW4_8086);
	pic_write_mask();
}

void kvm_pic_unmask(unsigned int irq)
{
	if (irq >= 16)
		return;
	pic_mask &= (uint16_t) ~(1U << irq);
	pic_write_mask();
}

void kvm_pic_eoi(unsigned int irq)
{
	if (irq >= 8)
		outb(PIC2_CMD, PIC_EOI);
	outb(PIC1_CMD, PIC_EOI);
}
