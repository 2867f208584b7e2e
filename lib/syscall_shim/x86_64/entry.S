/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Entry of the syscall instruction (CONFIG_LIBSYSCALL_SHIM_HANDLER), for
 * code that does not call the C library. Everything runs in ring 0 on the
 * caller's stack, so the entry keeps the caller's red zone, saves what the
 * Linux system call ABI preserves (all registers but rax, rcx, r11,
 * including the SSE state, which kernel C code may use), calls
 * uk_syscall(rax, rdi, rsi, rdx, r10, r8, r9) and jumps back to rcx with
 * the flags from r11. sysret is not used: it would drop to ring 3.
 */
	.text
	.globl uk_syscall_entry
	.type uk_syscall_entry, @function
uk_syscall_entry:
	sub $128, %rsp		/* the caller's red zone */
	push %rcx		/* return address */
	push %r11		/* caller's rflags */
	push %rbp
	mov %rsp, %rbp
	push %rdi
	push %rsi
	push %rdx
	push %r10
	push %r8
	push %r9
#ifndef CONFIG_ARCH_X86_64_NOSSE
	sub $512, %rsp
	and $-16, %rsp
	fxsave64 (%rsp)
#else
	and $-16, %rsp
#endif
	sub $8, %rsp		/* 16-byte alignment at the call */
	push %r9		/* a6 */
	mov %r8, %r9		/* a5 */
	mov %r10, %r8		/* a4 */
	mov %rdx, %rcx		/* a3 */
	mov %rsi, %rdx		/* a2 */
	mov %rdi, %rsi		/* a1 */
	mov %rax, %rdi		/* nr */
	call uk_syscall
	add $16, %rsp
#ifndef CONFIG_ARCH_X86_64_NOSSE
	fxrstor64 (%rsp)
#endif
	lea -48(%rbp), %rsp
	pop %r9
	pop %r8
	pop %r10
	pop %rdx
	pop %rsi
	pop %rdi
	pop %rbp
	pop %r11
	pop %rcx
	/* the flags go back below the red zone, and lea leaves them alone */
	push %r11
	popfq
	lea 128(%rsp), %rsp
	jmp *%rcx
	.size uk_syscall_entry, . - uk_syscall_entry

	.section .note.GNU-stack, "", @progbits
