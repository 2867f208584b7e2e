/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * One entry stub per IDT vector, each exactly KVM_TRAP_STUB_SIZE bytes so
 * the IDT can be filled by arithmetic. Stubs make every frame look alike
 * (a zero error code where the CPU pushes none), then the common path
 * saves all general-purpose registers and calls kvm_trap_dispatch(). The
 * handlers are compiled with -mgeneral-regs-only, so SSE state is left
 * untouched and need not be saved here.
 */
#include <kvm/traps.h>

.macro trap_stub vec
	.balign KVM_TRAP_STUB_SIZE, 0xcc
	.if (\vec == 8) || ((\vec >= 10) && (\vec <= 14)) || (\vec == 17) || (\vec == 21) || (\vec == 29) || (\vec == 30)
	/* the CPU pushed an error code */
	.else
	pushq $0
	.endif
	pushq $\vec
	jmp kvm_trap_common
.endm

.section .text.traps, "ax"
.code64
.balign KVM_TRAP_STUB_SIZE
.globl kvm_trap_stubs
kvm_trap_stubs:
	vec = 0
	.rept 256
	trap_stub vec
	vec = vec + 1
	.endr
	.balign KVM_TRAP_STUB_SIZE, 0xcc
/* at most 2 + 5 + 5 bytes a stub; the build test checks the total size */
.globl kvm_trap_stubs_end
kvm_trap_stubs_end:

kvm_trap_common:
	pushq %rax
	pushq %rbx
	pushq %rcx
	pushq %rdx
	pushq %rsi
	pushq %rdi
	pushq %rbp
	pushq %r8
	pushq %r9
	pushq %r10
	pushq %r11
	pushq %r12
	pushq %r13
	pushq %r14
	pushq %r15
	/* the stack is 16-byte aligned here: 6 CPU/stub words + 15 registers
	 * on top of the CPU's 16-byte aligned start */
	movq %rsp, %rdi
	cld
	call kvm_trap_dispatch
	popq %r15
	popq %r14
	popq %r13
	popq %r12
	popq %r11
	popq %r10
	popq %r9
	popq %r8
	popq %rbp
	popq %rdi
	popq %rsi
	popq %rdx
	popq %rcx
	popq %rbx
	popq %rax
	addq $16, %rsp			/* vector and error code */
	iretq

/* no executable stack wanted: silences ld's partial-link warning */
.section .note.GNU-stack, "", @progbits
