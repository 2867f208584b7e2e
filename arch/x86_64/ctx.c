/* SPDX-License-Identifier: BSD-3-Clause */
/* Building the first frame of a new context (see ctx_switch.S for the switch) */
#include <uk/arch/ctx.h>

void ukarch_ctx_trampoline(void);

void ukarch_ctx_init(struct ukarch_ctx *c, unsigned long sp, void (*entry)(void *), void *arg)
{
	unsigned long *top = (unsigned long *)(sp & ~15UL);

	/* the trampoline pops arg then entry and leaves rsp at the aligned top */
	*--top = (unsigned long)entry;
	*--top = (unsigned long)arg;
	c->sp = (unsigned long)top;
	c->ip = (unsigned long)ukarch_ctx_trampoline;
}
