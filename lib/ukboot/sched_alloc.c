/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The scheduler, its idle thread and the main thread are created on the
 * boot-time page allocator. A small-object allocator (ukallocslab) takes
 * over the default at the first `lib` init call, so that none of its code
 * runs before the main thread (under TCG every code path first run on the
 * boot costs translation time). From the next `lib` init call on, new
 * threads take their structs from the new default too. That default must
 * free what the page allocator handed out (the threads made so far), as
 * ukallocslab does.
 */
#include <uk/alloc.h>
#include <uk/init.h>
#include <uk/sched.h>

static int sched_adopt_default_allocator(void)
{
	struct uk_sched *s = uk_sched_get_default();
	struct uk_alloc *a = uk_alloc_get_default();

	if (s && a)
		s->a = a;
	return 0;
}

uk_initcall_prio(sched_adopt_default_allocator, lib, 1);
