/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Cancellation points (replaces src/thread/x86_64/syscall_cp.s). A pending
 * cancellation is acted on before the call; a blocked call is not
 * interrupted by pthread_cancel() (no signals interrupt kernel calls here),
 * so the asynchronous-cancel address range __cp_begin..__cp_end is empty.
 */
long uk_syscall(long nr, long a1, long a2, long a3, long a4, long a5, long a6);
long __cancel(void);
long __syscall_cp_asm(volatile int *cancel, long nr, long u, long v, long w, long x, long y,
                      long z);

long __syscall_cp_asm(volatile int *cancel, long nr, long u, long v, long w, long x, long y, long z)
{
	if (*cancel)
		return __cancel();
	return uk_syscall(nr, u, v, w, x, y, z);
}

/* pthread_cancel.c compares the interrupted PC with these; nothing is between them */
__asm__(".pushsection .text.uk_musl_cp,\"ax\",@progbits\n"
        ".globl __cp_begin\n.hidden __cp_begin\n"
        ".globl __cp_end\n.hidden __cp_end\n"
        ".globl __cp_cancel\n.hidden __cp_cancel\n"
        "__cp_begin:\n__cp_end:\n__cp_cancel:\n\tjmp __cancel\n"
        ".popsection\n");
