/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The platform's C entry: brings the machine up in dependency order and
 * hands over to ukplat_entry(). Console first (everything else reports
 * through it), traps next (so later steps crash loudly), then memory,
 * paging, CPU state, interrupts and time.
 */
#include <uk/config.h>
#include <uk/arch/lcpu.h>
#include <uk/plat/bootstrap.h>
#include <uk/plat/memory.h>
#include <uk/plat/time.h>
#include <kvm/acpi.h>
#include <kvm/boot.h>
#include <kvm/bootinfo.h>
#include <kvm/console.h>
#include <kvm/intctrl.h>
#include <kvm/paging.h>
#include <kvm/printk.h>
#include <kvm/setup.h>
#include <kvm/time.h>
#include <kvm/traps.h>

#define LOW_MEMORY_END 0x100000UL

static void __attribute__((noreturn)) boot_fail(const char *what, int rc)
{
	kvm_crit("%s failed: %d\n", what, rc);
	ukplat_crash();
}

/* the VGA console needs none: it probes when it first draws (vga.c) */
static void consoles_init(void)
{
#if CONFIG_KVM_CONSOLE_SERIAL
	kvm_serial_init();
#endif
}

static unsigned long cstrlen(const char *s)
{
	unsigned long n = 0;

	while (s[n])
		n++;
	return n;
}

struct used_range {
	uintptr_t base, len;
	uint16_t type;
	const char *name;
};

/* Everything the platform keeps using is taken out of the free RAM: one
 * call site in a loop (not unrolled) rather than four, fewer code paths
 * for TCG to translate at boot */
static int reserve_used_memory(void)
{
	const char *cl = ukplat_cmdline();
	const struct used_range used[] = {
	    {0, LOW_MEMORY_END, UKPLAT_MEMRT_RESERVED, "low memory"},
	    {(uintptr_t)_text, (uintptr_t)_end - (uintptr_t)_text, UKPLAT_MEMRT_KERNEL, "image"},
	    {(uintptr_t)kvm_boot_stack_guard,
	     (uintptr_t)kvm_boot_stack_top - (uintptr_t)kvm_boot_stack_guard, UKPLAT_MEMRT_STACK,
	     "boot stack"},
	    {(uintptr_t)cl, cstrlen(cl) + 1, UKPLAT_MEMRT_CMDLINE, "cmdline"},
	};
	unsigned int i;
	int rc = 0;

#pragma GCC unroll 1
	for (i = 0; i < sizeof(used) / sizeof(used[0]) && !rc; i++)
		rc = kvm_mem_reserve(used[i].base, used[i].len, used[i].type, used[i].name);
	return rc;
}

/* only with the debug lines: else the loop would still run (and be
 * translated under TCG) for nothing */
static void print_memory_map(void)
{
#if CONFIG_KVM_DEBUG_LOG
	struct ukplat_memregion r;
	int i;

	for (i = 0; ukplat_memregion_get(i, &r) == 0; i++)
		kvm_debug("Memory %012lx-%012lx %s\n", (unsigned long)r.pbase,
		          (unsigned long)(r.pbase + r.len), r.name);
#endif
}

static void parse_boot_info(uint32_t proto, uint32_t info)
{
	int rc;

	if (proto == KVM_BOOT_MULTIBOOT)
		rc = kvm_multiboot_parse(info);
	else
		rc = kvm_pvh_parse(info);
	if (rc)
		boot_fail("boot information", rc);
	rc = reserve_used_memory();
	if (rc)
		boot_fail("memory map", rc);
	kvm_mem_finalize();
}

/*
 * One line for the boot protocol, CPU, clock, timer and boot time: every
 * byte printed before main() is boot time (~0.5 us a byte on the serial
 * port under TCG, a VM exit per byte under KVM). The image name and the
 * command line are in ukboot's "Calling main" line; the interrupt
 * controllers are reported when the first IRQ line is registered.
 */
#define BOOT_LINE                                                                                  \
	"Booted via %s; CPU: %s; clock: TSC %lu Hz from %s (calibration took %lu us); timer: %s"
#define BOOT_READY " Platform ready in %lu us (%lu us since VM reset)\n"

static void report_boot(uint32_t proto)
{
	const char *via = proto == KVM_BOOT_MULTIBOOT ? "multiboot" : "PVH";
	unsigned long hz = kvm_tsc_hz(), lapic_hz = kvm_timer_lapic_hz();
	unsigned long calib_us = kvm_tsc_calibration_ns() / 1000;
	/* the TSC starts at 0 when the VM is reset: this includes firmware */
	unsigned long since_reset_us = hz ? rdtsc() / (hz / 1000000) : 0;
	unsigned long now_us = ukplat_monotonic_clock() / 1000;

	if (lapic_hz)
		kvm_info(BOOT_LINE " %lu Hz;" BOOT_READY, via, kvm_cpu_desc, hz, kvm_tsc_source(),
		         calib_us, kvm_timer_mode(), lapic_hz, now_us, since_reset_us);
	else
		kvm_info(BOOT_LINE ";" BOOT_READY, via, kvm_cpu_desc, hz, kvm_tsc_source(),
		         calib_us, kvm_timer_mode(), now_us, since_reset_us);
}

void kvm_boot_c(uint32_t proto, uint32_t info)
{
	int rc;

	kvm_tsc_mark_boot();
	consoles_init();
	kvm_gdt_init();
	kvm_idt_init();
	/* a PIT calibration runs from here to kvm_tsc_init(), overlapping
	 * the rest of the setup instead of waiting on its own */
	kvm_tsc_calibration_begin();
	parse_boot_info(proto, info);
	/* before the final page tables: the RSDP search, later, needs the
	 * BIOS data area in page 0, which they leave unmapped */
	kvm_acpi_early();
	/* the interrupt controllers before the page tables, so the LAPIC
	 * timer counts alongside the TSC over the page table setup (their
	 * MMIO is identity mapped by the boot page tables) */
	rc = kvm_intctrl_init();
	if (rc)
		boot_fail("interrupt controllers", rc);
	kvm_tsc_calibration_lapic();
	rc = kvm_paging_init();
	if (rc)
		boot_fail("page tables", rc);
	print_memory_map();
	kvm_cpu_features_init();
	rc = kvm_tsc_init();
	if (rc)
		boot_fail("TSC clock", rc);
	kvm_timer_init();
	kvm_tsc_refine_prepare();
	/* what boot defers (the VGA drawing, the TSC refinement) starts at
	 * the first idle or at this interrupt, for a guest that never idles */
	kvm_timer_kick(KVM_BOOT_KICK_NS);
	report_boot(proto);
	ukplat_entry();
}
