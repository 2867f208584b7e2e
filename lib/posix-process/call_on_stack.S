/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * int posix_call_on_stack(int (*fn)(void *), void *arg, void *sp)
 * A clone()d thread runs on the stack its creator (musl) allocated, so
 * pthread_attr_setstacksize is honoured; the frame pointer keeps the way
 * back to the kernel stack the thread started on.
 */
	.text
	.globl posix_call_on_stack
	.type posix_call_on_stack, @function
posix_call_on_stack:
	push %rbp
	mov %rsp, %rbp
	and $-16, %rdx
	mov %rdx, %rsp
	mov %rdi, %rax
	mov %rsi, %rdi
	call *%rax
	mov %rbp, %rsp
	pop %rbp
	ret
	.size posix_call_on_stack, . - posix_call_on_stack
	.section .note.GNU-stack, "", @progbits
