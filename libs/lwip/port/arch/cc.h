/* SPDX-License-Identifier: BSD-3-Clause */
/* lwIP's compiler and platform definitions for Unikit (x86_64, GCC) */
#ifndef UK_LWIP_ARCH_CC_H
#define UK_LWIP_ARCH_CC_H

#include <stddef.h>
#include <stdint.h>
#include <limits.h>
#include <sys/types.h> /* ssize_t, from nolibc or musl */
#include <sys/time.h>  /* struct timeval (LWIP_TIMEVAL_PRIVATE=0) */
#include <uk/print.h>

/* ssize_t comes from <sys/types.h>: keep lwIP from typedef'ing its own */
#ifndef SSIZE_MAX
#define SSIZE_MAX LONG_MAX
#endif
#define LWIP_NO_UNISTD_H 1

#ifndef BYTE_ORDER
#define BYTE_ORDER LITTLE_ENDIAN
#endif

/* byte swaps as single instructions */
#define lwip_htons(x) ((u16_t)__builtin_bswap16((u16_t)(x)))
#define lwip_htonl(x) ((u32_t)__builtin_bswap32((u32_t)(x)))

#define LWIP_PLATFORM_DIAG(x)                                                                      \
	do {                                                                                       \
		uk_lwip_diag x;                                                                    \
	} while (0)
#define LWIP_PLATFORM_ASSERT(msg)                                                                  \
	UK_CRASH("lwIP assertion \"%s\" failed at %s:%d\n", (msg), __FILE__, __LINE__)

void uk_lwip_diag(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif /* UK_LWIP_ARCH_CC_H */
