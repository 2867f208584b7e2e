/* SPDX-License-Identifier: BSD-3-Clause */
/* Values shared by the boot assembly and the C boot code */
#ifndef KVM_BOOT_H
#define KVM_BOOT_H

/* Which boot protocol brought us up; passed from the 32-bit entry to C */
#define KVM_BOOT_MULTIBOOT 1
#define KVM_BOOT_PVH       2

#define MULTIBOOT_HEADER_MAGIC 0x1badb002
#define MULTIBOOT_LOADER_MAGIC 0x2badb002
/* bit 0: page aligned modules, bit 1: memory map wanted */
#define MULTIBOOT_HEADER_FLAGS 0x00000003

#define XEN_ELFNOTE_PHYS32_ENTRY 18

#define KVM_BOOT_STACK_SIZE (64 * 1024)
#define KVM_IST_STACK_SIZE  (16 * 1024)

/* Selectors of the GDT, both the boot one and the final one */
#define KVM_GDT_CODE 0x08
#define KVM_GDT_DATA 0x10
#define KVM_GDT_TSS  0x18

#ifndef __ASSEMBLY__
#include <stdint.h>

/* Called by the 64-bit entry on the boot stack; never returns */
void kvm_boot_c(uint32_t proto, uint32_t info) __attribute__((noreturn));

/* The boot page tables' root (boot32.S: 0-4 GiB through four directories
 * of 2 MiB pages); kvm_paging_init() turns them into the final tables */
extern uint64_t kvm_boot_pml4[512];

/* Bounds of the boot stack and its guard page (boot64.S) */
extern char kvm_boot_stack_guard[], kvm_boot_stack[], kvm_boot_stack_top[];

/* Linker script symbols (contracts.md section 3) */
extern char _text[], _etext[], _rodata[], _erodata[], _data[], _edata[], __bss_start[], _end[];
#endif

#endif /* KVM_BOOT_H */
