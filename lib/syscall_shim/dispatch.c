/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * uk_syscall(): the one entry point from the C library into the kernel.
 * The handlers registered in section .uk_syscalltab are copied into an array indexed
 * by number on first use, so a call costs one bounds check and one indirect
 * call instead of a walk over the table.
 */
#include <errno.h>
#include <stddef.h>
#include <stdint.h>
#include <uk/print.h>
#include <uk/syscall.h>
#include "shim.h"

/* bounds of section .uk_syscalltab, from the platform's linker script */
extern const struct uk_syscall_entry __uk_syscalltab_start[];
extern const struct uk_syscall_entry __uk_syscalltab_end[];

static uk_syscall_fn_t handlers[UK_SYSCALL_NR_LIMIT];
static int handlers_ready;

static void handlers_fill(void)
{
	/* bounds of one linker section: compared as addresses, not as C objects */
	size_t i, n = ((uintptr_t)__uk_syscalltab_end - (uintptr_t)__uk_syscalltab_start) /
	              sizeof(struct uk_syscall_entry);
	const struct uk_syscall_entry *e;

	for (i = 0; i < n; i++) {
		e = &__uk_syscalltab_start[i];
		if (e->nr < 0 || e->nr >= UK_SYSCALL_NR_LIMIT) {
			uk_pr_err("syscall %s: number %ld out of range, ignored\n", e->name, e->nr);
			continue;
		}
		/* two libraries claiming one number is a configuration bug:
		 * say so, and keep the first so the outcome is deterministic */
		if (handlers[e->nr]) {
			uk_pr_err("syscall %s (%ld) registered twice, keeping the first\n", e->name,
			          e->nr);
			continue;
		}
		handlers[e->nr] = e->fn;
	}
	handlers_ready = 1;
}

uk_syscall_fn_t uk_syscall_handler(long nr)
{
	if (!handlers_ready)
		handlers_fill();
	if (nr < 0 || nr >= UK_SYSCALL_NR_LIMIT)
		return NULL;
	return handlers[nr];
}

long uk_syscall(long nr, long a1, long a2, long a3, long a4, long a5, long a6)
{
	uk_syscall_fn_t fn = uk_syscall_handler(nr);

	if (!fn) {
		uk_syscall_warn_enosys(nr);
		return -ENOSYS;
	}
	return fn(a1, a2, a3, a4, a5, a6);
}

long uk_syscall_e(long nr, long a1, long a2, long a3, long a4, long a5, long a6)
{
	long ret = uk_syscall(nr, a1, a2, a3, a4, a5, a6);

	if (ret < 0 && ret > -4096) {
		errno = (int)-ret;
		return -1;
	}
	return ret;
}
