/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Switching between threads. Only the callee-saved registers of the SysV
 * ABI (rbx, rbp, r12-r15) need saving: ukarch_ctx_switch is an ordinary
 * call, so the compiler already assumes every other register is clobbered.
 */
#include <uk/arch/ctx.h>

	.text

/* void ukarch_ctx_switch(struct ukarch_ctx *prev (rdi), struct ukarch_ctx *next (rsi)) */
	.globl ukarch_ctx_switch
	.type ukarch_ctx_switch, @function
ukarch_ctx_switch:
	pushq %rbp
	pushq %rbx
	pushq %r12
	pushq %r13
	pushq %r14
	pushq %r15
	movq %rsp, UKARCH_CTX_SP(%rdi)
	leaq .Lresume(%rip), %rax
	movq %rax, UKARCH_CTX_IP(%rdi)
	movq UKARCH_CTX_SP(%rsi), %rsp
	jmpq *UKARCH_CTX_IP(%rsi)
.Lresume:
	popq %r15
	popq %r14
	popq %r13
	popq %r12
	popq %rbx
	popq %rbp
	ret
	.size ukarch_ctx_switch, . - ukarch_ctx_switch

/*
 * First code of a new context: ukarch_ctx_init left arg and entry on the
 * stack, right above which the stack is 16-byte aligned, as a call needs.
 * rbp is zeroed so that backtraces end here.
 */
	.globl ukarch_ctx_trampoline
	.type ukarch_ctx_trampoline, @function
ukarch_ctx_trampoline:
	popq %rdi
	popq %rax
	xorl %ebp, %ebp
	callq *%rax
	ud2
	.size ukarch_ctx_trampoline, . - ukarch_ctx_trampoline

/* the stack of the image is not executable */
	.section .note.GNU-stack, "", @progbits
