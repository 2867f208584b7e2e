/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Futexes: threads wait on a 32-bit word in memory until another thread
 * wakes that address. With one CPU and a cooperative scheduler the check of
 * the word and going to sleep cannot be separated by another thread, so no
 * wake-up is lost.
 */
#ifndef UK_FUTEX_H
#define UK_FUTEX_H

#include <stdint.h>

/*
 * Blocks while *uaddr == val (bitset: which wakes count, ~0 for all) until
 * woken (0), the monotonic clock reaches deadline (-ETIMEDOUT; 0 = none), or
 * *uaddr != val on entry (-EAGAIN).
 */
int uk_futex_wait(const uint32_t *uaddr, uint32_t val, uint64_t deadline, uint32_t bitset);
/* wakes up to n waiters of uaddr whose bitset meets bitset; returns how many */
int uk_futex_wake(const uint32_t *uaddr, int n, uint32_t bitset);
/* wakes up to nwake waiters of uaddr and moves up to nmove others to uaddr2;
 * returns the number woken plus moved */
int uk_futex_requeue(const uint32_t *uaddr, int nwake, const uint32_t *uaddr2, int nmove);
/* waiters currently blocked on uaddr (for tests) */
int uk_futex_waiters(const uint32_t *uaddr);

#endif
