/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The warning for a system call without a handler: once per number, so a
 * program polling an unimplemented call does not flood the console, yet
 * every missing call it uses shows up once in the log.
 */
#include <stdint.h>
#include <uk/print.h>
#include <uk/syscall.h>
#include "shim.h"

#define BITS_PER_WORD (8 * sizeof(unsigned long))

static unsigned long warned[UK_SYSCALL_NR_LIMIT / BITS_PER_WORD];
/* numbers beyond the table (garbage from a caller) share one flag */
static int warned_out_of_range;

static int test_and_set(long nr)
{
	unsigned long bit;
	int was;

	if (nr < 0 || nr >= UK_SYSCALL_NR_LIMIT) {
		was = warned_out_of_range;
		warned_out_of_range = 1;
		return was;
	}
	bit = 1UL << (nr % BITS_PER_WORD);
	was = !!(warned[nr / BITS_PER_WORD] & bit);
	warned[nr / BITS_PER_WORD] |= bit;
	return was;
}

void uk_syscall_warn_enosys(long nr)
{
	if (test_and_set(nr))
		return;
	uk_pr_warn("syscall %s (%ld) not implemented\n", uk_syscall_name(nr), nr);
}

unsigned long uk_syscall_enosys_warned(long nr)
{
	if (nr < 0 || nr >= UK_SYSCALL_NR_LIMIT)
		return warned_out_of_range;
	return !!(warned[nr / BITS_PER_WORD] & (1UL << (nr % BITS_PER_WORD)));
}
