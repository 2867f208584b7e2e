/* SPDX-License-Identifier: BSD-3-Clause */
/* lib/posix-process: what a C library calls directly (docs/contracts.md section 8) */
#ifndef UK_PROCESS_H
#define UK_PROCESS_H

#include <stddef.h>

/*
 * Starts a thread for a libc's clone(): fn(arg) runs on stack (its top)
 * with thread pointer tls (CLONE_SETTLS). CLONE_PARENT_SETTID and
 * CLONE_CHILD_SETTID write the new tid to *ptid / *ctid;
 * CLONE_CHILD_CLEARTID makes the thread's end clear *ctid and wake the
 * futex there. CLONE_VM is required. Returns the tid or a negative errno.
 */
int uk_posix_clone(unsigned long flags, void *stack, int *ptid, unsigned long tls, int *ctid,
                   int (*fn)(void *), void *arg);

/*
 * Ends the calling thread like SYS_exit and frees [base, base+len) (its
 * own stack, a munmap()able mapping) once it no longer runs on it.
 */
void uk_posix_exit_unmap(void *base, size_t len) __attribute__((noreturn));

/*
 * Asynchronous signals (timers): sig is delivered to the main thread as if
 * it had interrupted it: the default action, or the handler run at once by
 * the calling (kernel) thread on the main thread's thread pointer, or made
 * pending while the main thread blocks it. A sleep of the main thread then
 * ends early with -EINTR. Call from thread context, not from an IRQ.
 */
void uk_posix_signal_post(int sig);

/*
 * For blocking calls: 1 if a signal interrupted the calling thread since
 * the last call (the flag is cleared), else 0. A blocking call calls it
 * once before it waits (forgetting older signals), then after each wake-up.
 */
int uk_posix_take_interrupt(void);

/* the thread a sleeping caller must register to be interruptible (the main thread) */
struct uk_thread;
struct uk_thread *uk_posix_main_thread(void);

#endif
