/* SPDX-License-Identifier: BSD-3-Clause */
/* Local APIC in xAPIC (MMIO) mode: enable, EOI, and its one-shot timer */
#include <stddef.h>
#include <stdint.h>
#include <uk/arch/lcpu.h>
#include <stddef.h>
#include <kvm/errno.h>
#include <kvm/intctrl.h>
#include <kvm/traps.h>

#define CPUID1_EDX_APIC  (1U << 9)
#define APIC_BASE_ENABLE (1UL << 11)
#define APIC_BASE_ADDR   0xfffff000UL
#define LAPIC_ID         0x020
#define LAPIC_TPR        0x080
#define LAPIC_EOI        0x0b0
#define LAPIC_SVR        0x0f0
#define LAPIC_LVT_TIMER  0x320
#define LAPIC_LVT_LINT0  0x350
#define LAPIC_LVT_LINT1  0x360
#define LAPIC_TIMER_INIT 0x380
#define LAPIC_TIMER_CUR  0x390
#define LAPIC_TIMER_DIV  0x3e0
#define SVR_ENABLE       (1U << 8)
#define LVT_MASKED       (1U << 16)
#define LVT_NMI          (4U << 8)
#define TIMER_DIV_1      0xb
#define LVT_EXTINT       (7U << 8)
#define LVT_TSC_DEADLINE (2U << 17)

/* NULL without a local APIC; read through the inline kvm_lapic_present() */
volatile uint32_t *kvm_lapic_mmio;

static uint32_t lapic_read(uint32_t reg)
{
	return kvm_lapic_mmio[reg / 4];
}

static void lapic_write(uint32_t reg, uint32_t v)
{
	kvm_lapic_mmio[reg / 4] = v;
}

int kvm_lapic_init(void)
{
	__u32 a, b, c, d;
	uint64_t base;

	ukarch_cpuid(1, 0, &a, &b, &c, &d);
	if (!(d & CPUID1_EDX_APIC))
		return -ENOTSUP;
	base = rdmsr(X86_MSR_APIC_BASE);
	wrmsr(X86_MSR_APIC_BASE, base | APIC_BASE_ENABLE);
	kvm_lapic_mmio = (volatile uint32_t *)(uintptr_t)(base & APIC_BASE_ADDR);
	lapic_write(LAPIC_TPR, 0);
	lapic_write(LAPIC_LVT_LINT0, LVT_MASKED);
	lapic_write(LAPIC_LVT_LINT1, LVT_NMI);
	lapic_write(LAPIC_LVT_TIMER, LVT_MASKED | KVM_VEC_TIMER);
	lapic_write(LAPIC_TIMER_DIV, TIMER_DIV_1);
	lapic_write(LAPIC_SVR, SVR_ENABLE | KVM_VEC_SPURIOUS);
	return 0;
}

uint32_t kvm_lapic_id(void)
{
	return lapic_read(LAPIC_ID) >> 24;
}

void kvm_lapic_eoi(void)
{
	lapic_write(LAPIC_EOI, 0);
}

void kvm_lapic_timer_oneshot(uint32_t ticks)
{
	lapic_write(LAPIC_LVT_TIMER, KVM_VEC_TIMER); /* unmasked, one-shot */
	lapic_write(LAPIC_TIMER_INIT, ticks ? ticks : 1);
}

void kvm_lapic_timer_stop(void)
{
	lapic_write(LAPIC_TIMER_INIT, 0);
	lapic_write(LAPIC_LVT_TIMER, LVT_MASKED | KVM_VEC_TIMER);
}

uint32_t kvm_lapic_timer_current(void)
{
	return lapic_read(LAPIC_TIMER_CUR);
}

void kvm_lapic_timer_deadline_mode(void)
{
	lapic_write(LAPIC_LVT_TIMER, LVT_TSC_DEADLINE | KVM_VEC_TIMER);
}

/* Without an I/O APIC the 8259 reaches the CPU through LINT0 */
void kvm_lapic_lint0_extint(void)
{
	lapic_write(LAPIC_LVT_LINT0, LVT_EXTINT);
}
