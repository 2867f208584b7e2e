/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Leaving the VM: QEMU's isa-debug-exit device (exit status status*2+1)
 * when configured, then ACPI S5, then halting forever as a last resort.
 */
#include <uk/config.h>
#include <uk/arch/lcpu.h>
#include <uk/plat/bootstrap.h>
#include <uk/plat/time.h>
#include <kvm/acpi.h>
#include <kvm/console.h>
#include <kvm/printk.h>

#define DEBUG_EXIT_PORT       0xf4
#define CRASH_STATUS          0x7f /* QEMU exits with 0x7f * 2 + 1 = 255 */
#define POWEROFF_SETTLE_NS    1000000000ULL
#define POWEROFF_SETTLE_SPINS 100000000UL
#define I8042_CMD             0x64
#define I8042_RESET_CPU       0xfe

static void __attribute__((noreturn)) halt_forever(void)
{
	for (;;) {
		ukarch_irq_disable();
		ukarch_halt();
	}
}

/* Waits about POWEROFF_SETTLE_NS; the spin bound covers a clock that is
 * not running yet (a failure early in the boot) */
static void settle(void)
{
	uint64_t end = ukplat_monotonic_clock() + POWEROFF_SETTLE_NS;
	unsigned long spin = POWEROFF_SETTLE_SPINS;

	while (--spin && ukplat_monotonic_clock() < end)
		ukarch_pause();
}

void ukplat_terminate(int status)
{
	ukarch_irq_disable();
	kvm_vga_flush(); /* the last lines (a crash report) on the screen too */
#if CONFIG_KVM_DEBUG_EXIT
	/* no device there: the write is ignored and we carry on */
	outl(DEBUG_EXIT_PORT, (uint32_t)status);
#endif
	/* the VMM acts on the S5 request asynchronously: give it time before
	 * reporting failure */
	if (kvm_acpi_poweroff() == 0)
		settle();
#if CONFIG_KVM_VMM_FIRECRACKER
	/* Firecracker has no power-off device: it ends the VM when the guest
	 * resets the CPU through the i8042 controller */
	outb(I8042_CMD, I8042_RESET_CPU);
#endif
	kvm_printf("ukplat_terminate(%d): no way to power off, halting\n", status);
	halt_forever();
}

void ukplat_crash(void)
{
	kvm_printf("Crashed: stopping the VM\n");
	ukplat_terminate(CRASH_STATUS);
}
