/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Test guest of the allocator and scheduler libraries. The in-kernel
 * suites have already run (uktest, late init level) when main() is called;
 * main() then does what the command line asks:
 *   overflow   a thread recurses until it runs off its stack; the guard page
 *              must turn that into a page fault crash report (QEMU exit 255)
 *   idle=<ms>  the main thread sleeps, nothing else runs: the host measures
 *              QEMU's CPU time meanwhile
 *   doublefree pages freed twice: the buddy allocator must stop the kernel
 * and returns 0.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <uk/alloc.h>
#include <uk/plat/time.h>
#include <uk/sched.h>
#include <uk/thread.h>

static volatile unsigned long deepest;

/* bounded far beyond any stack only to keep the compiler from complaining */
static unsigned long recurse(unsigned long depth)
{
	volatile char frame[256];

	frame[0] = (char)depth;
	deepest = (unsigned long)frame;
	if (depth > (1UL << 40))
		return 0;
	return recurse(depth + 1) + frame[0];
}

static void overflow_fn(void *arg)
{
	struct uk_thread *self = uk_thread_current();

	(void)arg;
	printf("overflow: stack %p..%p, guard page at %p\n", self->stack,
	       (char *)self->stack + self->stack_pages * 4096 + 4096, self->stack);
	recurse(0);
	printf("overflow: survived, deepest frame %lx\n", deepest);
}

int main(int argc, char *argv[])
{
	struct uk_thread *t;
	uint64_t t0;
	long ms;

	if (argc > 1 && !strcmp(argv[1], "overflow")) {
		t = uk_thread_create("overflow", overflow_fn, NULL);
		if (!t)
			return 2;
		uk_thread_join(t);
		return 1; /* only reached if the overflow went unnoticed */
	}
	if (argc > 1 && !strcmp(argv[1], "doublefree")) {
		void *p = uk_palloc(uk_alloc_get_default(), 2);

		printf("doublefree: pages at %p\n", p);
		uk_pfree(uk_alloc_get_default(), p, 2);
		uk_pfree(uk_alloc_get_default(), p, 2);
		return 1; /* only reached if the second free went unnoticed */
	}
	if (argc > 1 && !strncmp(argv[1], "idle=", 5)) {
		ms = strtol(argv[1] + 5, NULL, 10);
		t0 = ukplat_monotonic_clock();
		printf("idle: sleeping %ld ms\n", ms);
		uk_sched_sleep_ns((uint64_t)ms * 1000000);
		printf("idle: woke after %lu us\n",
		       (unsigned long)((ukplat_monotonic_clock() - t0) / 1000));
	}
	return 0;
}
