/* SPDX-License-Identifier: BSD-3-Clause */
/* The final page tables, built from the boot memory map */
#ifndef KVM_PAGING_H
#define KVM_PAGING_H

#include <stdint.h>

/* Page table pages come from a pool in .bss (already excluded from free
 * RAM): the 4 KiB tables over the image, one directory per GiB of RAM
 * above 4 GiB, and the splits of ukplat_page_set_prot(). The boot tables
 * (boot32.S) cover 0-4 GiB. */
#define KVM_PT_POOL_PAGES 64

/* Builds the tables (identity map of 0-4 GiB and all RAM above, image
 * permissions, page 0 and the boot stack guard unmapped), in place of
 * the boot tables for 0-4 GiB, and reloads CR3.
 * Needs the memory map (kvm_mem_add_ram) to be complete. */
int kvm_paging_init(void);
/* Is a read of 8 bytes at addr safe (mapped, present)? Usable in traps. */
int kvm_paging_readable(uint64_t addr);
/* Is NX enforced (EFER.NXE set)? */
int kvm_paging_nx(void);

#endif /* KVM_PAGING_H */
