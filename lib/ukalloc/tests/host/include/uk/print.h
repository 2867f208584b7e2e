/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Host stand-in for lib/ukdebug's <uk/print.h>, so that the allocator and
 * scheduler cores can be compiled and unit-tested as ordinary programs
 * (with ASan/UBSan). Only used by the host .test scripts.
 */
#ifndef UK_PRINT_H
#define UK_PRINT_H

#include <stdio.h>
#include <stdlib.h>

#define uk_pr_debug(...) ((void)0)
#define uk_pr_info(...)  ((void)0)
#define uk_pr_warn(...)  fprintf(stderr, "Warn: " __VA_ARGS__)
#define uk_pr_err(...)   fprintf(stderr, "ERR: " __VA_ARGS__)
#define uk_pr_crit(...)  fprintf(stderr, "CRIT: " __VA_ARGS__)

#define UK_CRASH(...)                                                                              \
	do {                                                                                       \
		fprintf(stderr, "CRASH: " __VA_ARGS__);                                            \
		abort();                                                                           \
	} while (0)

#define UK_ASSERT(x)                                                                               \
	do {                                                                                       \
		if (!(x))                                                                          \
			UK_CRASH("Assertion failure: %s\n", #x);                                   \
	} while (0)

#define UK_BUG() UK_CRASH("BUG\n")

#endif /* UK_PRINT_H */
