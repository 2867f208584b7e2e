/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Boot information gathered from the loader (multiboot or PVH) into the
 * platform's own copies, before the loader's structures may be overwritten.
 */
#ifndef KVM_BOOTINFO_H
#define KVM_BOOTINFO_H

#include <stdint.h>
#include <uk/plat/memory.h>

#define KVM_MEMREGION_MAX 64
#define KVM_CMDLINE_MAX   4096

/* The memory map is built in two steps: every RAM range from the loader,
 * then the ranges in use are carved out of it. */
int kvm_mem_add_ram(uint64_t base, uint64_t len);
/* Records a used region and removes it from the free RAM */
int kvm_mem_reserve(uint64_t base, uint64_t len, uint16_t type, const char *name);
/* Builds the list behind ukplat_memregion_get(); call once, after all of the above */
void kvm_mem_finalize(void);
/* Is [base, base+len) inside RAM reported by the loader? */
int kvm_mem_is_ram(uint64_t base, uint64_t len);
/* Highest RAM address + 1 */
uint64_t kvm_mem_ram_top(void);
/* The end of the run of addresses from pa that are all RAM (*is_ram = 1) or
 * all not RAM (*is_ram = 0): lets the page tables be filled run by run */
uint64_t kvm_mem_run_end(uint64_t pa, int *is_ram);

/* Stores the loader's command line; with has_argv0, its first word is
 * the image name (QEMU's multiboot loader prepends the kernel path). */
void kvm_cmdline_set(const char *raw, int has_argv0);

/* Parsers of the two boot protocols: fill the memory map and the cmdline */
int kvm_multiboot_parse(uint32_t info);
int kvm_pvh_parse(uint32_t info);

/* RSDP from PVH start_info, or 0 */
extern uint64_t kvm_bootinfo_rsdp;

#endif /* KVM_BOOTINFO_H */
