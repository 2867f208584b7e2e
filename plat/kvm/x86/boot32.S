/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The two 32-bit entry points (multiboot v1 and PVH) and the switch to long
 * mode. Deliberately minimal: both loaders leave us in flat 32-bit protected
 * mode with paging off; we only set control registers and jump to 64-bit
 * code. No SSE instruction appears here (some nested hypervisors do not
 * cope with it in 32-bit code); CR4.OSFXSR is set so that the C code may
 * use SSE from its first instruction.
 */
#include <kvm/boot.h>
#include <uk/arch/lcpu.h>

#define BOOT_CR4 (X86_CR4_PAE | X86_CR4_OSFXSR | X86_CR4_OSXMMEXCPT)
#define BOOT_CR0 (X86_CR0_PG | X86_CR0_WP | X86_CR0_NE | X86_CR0_MP | X86_CR0_PE)

/* Must be in the first 8 KiB of the file: the linker script puts it first */
.section .multiboot_header, "a"
.align 4
multiboot_header:
	.long MULTIBOOT_HEADER_MAGIC
	.long MULTIBOOT_HEADER_FLAGS
	.long -(MULTIBOOT_HEADER_MAGIC + MULTIBOOT_HEADER_FLAGS)

/* PVH: the VMM enters at this address with %ebx = hvm_start_info */
.section .note.Xen, "a", @note
.align 4
	.long 4				/* name size: "Xen\0" */
	.long 8				/* descriptor size */
	.long XEN_ELFNOTE_PHYS32_ENTRY
	.asciz "Xen"
.align 4
	.quad _pvh_entry

.section .text.boot32, "ax"
.code32

.globl _multiboot_entry
_multiboot_entry:
	cli
	cld
	movl %eax, %ebp
	rdtsc				/* the clock's origin: the first instructions */
	movl %eax, kvm_boot_tsc
	movl %edx, kvm_boot_tsc + 4
	movl %ebp, %eax
	cmpl $MULTIBOOT_LOADER_MAGIC, %eax
	jne boot_fail
	movl $KVM_BOOT_MULTIBOOT, %edi
	movl %ebx, %esi
	jmp long_mode_switch

.globl _pvh_entry
_pvh_entry:
	cli
	cld
	rdtsc				/* the clock's origin, as above */
	movl %eax, kvm_boot_tsc
	movl %edx, kvm_boot_tsc + 4
	movl $KVM_BOOT_PVH, %edi
	movl %ebx, %esi

/* %edi = protocol, %esi = boot information; both survive into 64-bit C */
long_mode_switch:
	movl %cr4, %eax
	orl $BOOT_CR4, %eax
	movl %eax, %cr4

	movl $kvm_boot_pml4, %eax
	movl %eax, %cr3

	movl $X86_MSR_EFER, %ecx
	rdmsr
	orl $X86_EFER_LME, %eax
	wrmsr

	movl %cr0, %eax
	andl $~(X86_CR0_EM | X86_CR0_TS), %eax
	orl $BOOT_CR0, %eax
	movl %eax, %cr0

	lgdt boot_gdt_desc
	ljmp $KVM_GDT_CODE, $_long_mode_entry

/* Wrong loader magic: nothing can report it yet, stop here */
boot_fail:
	hlt
	jmp boot_fail

.section .data.boot32, "aw"
/* TSC at the kernel's first instruction: the monotonic clock's zero. In
 * .data, not .bss: boot64.S clears .bss after it is written */
.align 8
.globl kvm_boot_tsc
kvm_boot_tsc:
	.quad 0

/* The GDT for good (gdt.c adds the TSS and loads TR): writable, as the
 * CPU marks descriptors accessed and the TSS busy */
.section .data.boot_gdt, "aw"
.align 16
.globl kvm_boot_gdt
kvm_boot_gdt:
	.quad 0
	.quad 0x00af9a000000ffff	/* 0x08: 64-bit code, DPL 0 */
	.quad 0x00cf92000000ffff	/* 0x10: data, DPL 0 */
	.quad 0, 0			/* 0x18: the TSS (16 bytes), from gdt.c */
boot_gdt_end:
boot_gdt_desc:
	.word boot_gdt_end - kvm_boot_gdt - 1
	.long kvm_boot_gdt

/*
 * Initial identity map of the first 4 GiB with 2 MiB pages: the image, the
 * boot stack, the loaders' boot information and the ACPI tables (which sit
 * near 3 GiB with large RAM sizes). The C code replaces it with the final
 * tables built from the memory map.
 */
.section .data.boot_pagetables, "aw"
.align 4096
.globl kvm_boot_pml4
kvm_boot_pml4:
	.quad boot_pdpt + 0x3		/* present, writable */
	.fill 511, 8, 0
boot_pdpt:
	.quad boot_pd + 0x3
	.quad boot_pd + 0x1000 + 0x3
	.quad boot_pd + 0x2000 + 0x3
	.quad boot_pd + 0x3000 + 0x3
	.fill 508, 8, 0
boot_pd:
	pde = 0
	.rept 2048
	.quad (pde << 21) | 0x83	/* present, writable, 2 MiB */
	pde = pde + 1
	.endr

/* no executable stack wanted: silences ld's partial-link warning */
.section .note.GNU-stack, "", @progbits
