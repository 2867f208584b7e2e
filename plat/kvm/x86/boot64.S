/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * First 64-bit code: flat data segments, a zeroed .bss, the boot stack, a
 * clean x87/SSE state, then C. The boot stack has a page below it that the
 * final page tables leave unmapped, so an overflow faults instead of
 * silently corrupting .bss.
 */
#include <kvm/boot.h>

.section .text.boot64, "ax"
.code64
.globl _long_mode_entry
_long_mode_entry:
	movl $KVM_GDT_DATA, %eax
	movl %eax, %ds
	movl %eax, %es
	movl %eax, %ss
	xorl %eax, %eax
	movl %eax, %fs
	movl %eax, %gs

	/* protocol and boot info, zero-extended, out of the way of stosb */
	movl %edi, %r12d
	movl %esi, %r13d

	/* loaders zero the bss, but no boot protocol promises it; the stack
	 * lives there too, so do it before the first push. The part before
	 * _kvm_bss_clear (stacks, page table pool) is never read before it is
	 * written, and the rest is 64-byte aligned at both ends: 8 bytes per
	 * store, a few thousand iterations instead of half a million (each
	 * one costs a translated-loop pass under TCG) */
	movq $_kvm_bss_clear, %rdi
	movq $_end, %rcx
	subq %rdi, %rcx
	shrq $3, %rcx
	xorl %eax, %eax
	rep stosq

	movq $kvm_boot_stack_top, %rsp
	xorl %ebp, %ebp

	/* CR0/CR4 already allow SSE; give it a defined state */
	fninit
#ifndef CONFIG_ARCH_X86_64_NOSSE
	ldmxcsr boot_mxcsr(%rip)
#endif

	movq %r12, %rdi
	movq %r13, %rsi
	call kvm_boot_c
1:	cli
	hlt
	jmp 1b

.section .rodata.boot64, "a"
.align 4
boot_mxcsr:
	.long 0x1f80			/* all exceptions masked, round to nearest */

.section .bss.kvm_noclear.boot_stack, "aw", @nobits
.align 4096
.globl kvm_boot_stack_guard, kvm_boot_stack, kvm_boot_stack_top
kvm_boot_stack_guard:
	.skip 4096
kvm_boot_stack:
	.skip KVM_BOOT_STACK_SIZE
kvm_boot_stack_top:

/* no executable stack wanted: silences ld's partial-link warning */
.section .note.GNU-stack, "", @progbits
