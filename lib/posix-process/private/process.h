/* SPDX-License-Identifier: BSD-3-Clause */
/* Shared by the files of lib/posix-process */
#ifndef POSIX_PROCESS_PRIVATE_H
#define POSIX_PROCESS_PRIVATE_H

#include <stddef.h>
#include <stdint.h>
#include <uk/thread.h>

#define UK_POSIX_PID 1

/* What the kernel knows about a thread of the process (uk_thread->priv) */
struct posix_thread {
	int tid;
	int *clear_tid;    /* CLONE_CHILD_CLEARTID / set_tid_address */
	int (*fn)(void *); /* clone: start function, argument and stack */
	void *arg;
	void *stack;
	unsigned long tls;
	void *unmap_base; /* a detached thread's own stack, freed after it exits */
	size_t unmap_len;
	uint64_t sigmask; /* blocked signals, bit sig-1 */
	int interrupted;  /* a signal arrived while it slept: the sleep ends with -EINTR */
	struct uk_thread *thread;
};

/* a fresh thread id (tids start at the pid, 1, for the main thread) */
int posix_thread_new_tid(void);
/* the tid the next thread will get */
int posix_thread_new_tid_peek(void);
/* the main thread's record (tid 1): asynchronous signals go to it */
struct posix_thread *posix_thread_main(void);
/* the calling thread's record; created for threads not made by clone() */
struct posix_thread *posix_thread_self(void);
/* clears the tid word and wakes its futex: the thread is gone for joiners */
void posix_thread_clear_tid(struct posix_thread *pt);
/* runs fn(arg) on stack sp; returns fn's value (call_on_stack.S) */
int posix_call_on_stack(int (*fn)(void *), void *arg, void *sp);
/* delivers pending, unblocked signals to their handlers */
void posix_signal_deliver_pending(void);
/* the same for thread pt's mask (its handlers run in the caller's context) */
void posix_signal_deliver_to(struct posix_thread *pt);
/* the signal-default action that ends the process */
void posix_terminate_by_signal(int sig) __attribute__((noreturn));

#endif
