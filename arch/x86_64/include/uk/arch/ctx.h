/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Thread register context, extended (FPU/SSE/AVX) state and the thread
 * pointer (contracts.md section 5).
 */
#ifndef UK_ARCH_CTX_H
#define UK_ARCH_CTX_H

/* field offsets, shared with ctx_switch.S */
#define UKARCH_CTX_SP 0
#define UKARCH_CTX_IP 8

#ifndef __ASSEMBLY__

/*
 * A suspended thread: its stack pointer and where it resumes. The
 * callee-saved registers are on that stack, pushed by ukarch_ctx_switch.
 */
struct ukarch_ctx {
	unsigned long sp, ip;
};

/*
 * Prepares c so that switching to it calls entry(arg) on the stack whose
 * top (highest address, exclusive) is sp. entry must never return; if it
 * does, the CPU stops on an invalid opcode (ud2).
 */
void ukarch_ctx_init(struct ukarch_ctx *c, unsigned long sp, void (*entry)(void *), void *arg);

/*
 * Saves the callee-saved registers of the running code in prev and resumes
 * next. Returns (in prev's context) when something switches back to prev.
 * The extended state is not touched: see ukarch_ectx_*.
 */
void ukarch_ctx_switch(struct ukarch_ctx *prev, struct ukarch_ctx *next);

/* Size and alignment of one extended-state save area on this CPU */
unsigned long ukarch_ectx_size(void);
unsigned long ukarch_ectx_align(void);
/* A clean state (FPU control 0x37f, MXCSR 0x1f80, all registers zero) */
void ukarch_ectx_init(void *area);
void ukarch_ectx_save(void *area);
void ukarch_ectx_restore(void *area);
/* 1 if XSAVE is used, 0 for FXSAVE */
int ukarch_ectx_uses_xsave(void);

/* FS base: the thread pointer a libc's TLS is addressed from */
void ukarch_tls_set(unsigned long fsbase);
unsigned long ukarch_tls_get(void);

#endif /* !__ASSEMBLY__ */

#endif /* UK_ARCH_CTX_H */
