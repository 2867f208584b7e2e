/* SPDX-License-Identifier: BSD-3-Clause */
/* C constructors (__attribute__((constructor)), C++ static initialisers) */
#include <uk/print.h>
#include "boot.h"

typedef void (*ctor_t)(void);
extern const ctor_t __init_array_start[], __init_array_end[];

void ukboot_run_ctors(void)
{
	const ctor_t *c;

	/* as %p would print them: see boot.c's Init Table line */
	uk_pr_info("Constructor table at 0x%lx - 0x%lx\n", (unsigned long)__init_array_start,
	           (unsigned long)__init_array_end);
	/* linker-script bounds of one table: comparing them is intended */
	// cppcheck-suppress comparePointers
	for (c = __init_array_start; c < __init_array_end; c++)
		(*c)();
}
