/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Host unit tests of the context switch and the extended-state save area:
 * ctx_switch.S, ctx.c and ectx.c run unchanged in a Linux process (all they use is
 * unprivileged). Run by ctx.test, once with XSAVE and once with FXSAVE.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <uk/arch/ctx.h>
#include "../../../lib/ukalloc/tests/host/include/host_check.h"

#define STACK (64 * 1024)

static struct ukarch_ctx main_ctx, a_ctx, b_ctx;
static volatile long a_sum, b_sum;
static volatile int entry_aligned, got_arg;

/* lots of values live across the switches: they sit in callee-saved registers */
static void worker(void *arg)
{
	struct ukarch_ctx *self = arg == (void *)1 ? &a_ctx : &b_ctx;
	long x1 = 1, x2 = 2, x3 = 3, x4 = 4, x5 = 5, x6 = 6, i;

	entry_aligned = !((uintptr_t)__builtin_frame_address(0) & 15);
	got_arg = arg == (void *)1 || arg == (void *)2;
	for (i = 0; i < 1000; i++) {
		x1 += i, x2 ^= x1, x3 += x2 * 3, x4 -= x3, x5 += x4 ^ i, x6 += x5;
		ukarch_ctx_switch(self, &main_ctx);
	}
	if (arg == (void *)1)
		a_sum = x1 + x2 + x3 + x4 + x5 + x6;
	else
		b_sum = x1 + x2 + x3 + x4 + x5 + x6;
	ukarch_ctx_switch(self, &main_ctx);
	abort(); /* never resumed */
}

static long expected(void)
{
	long x1 = 1, x2 = 2, x3 = 3, x4 = 4, x5 = 5, x6 = 6, i;

	for (i = 0; i < 1000; i++)
		x1 += i, x2 ^= x1, x3 += x2 * 3, x4 -= x3, x5 += x4 ^ i, x6 += x5;
	return x1 + x2 + x3 + x4 + x5 + x6;
}

static void test_switch(void)
{
	char *sa = malloc(STACK), *sb = malloc(STACK);
	volatile long mine = 12345;
	int i;

	/* an odd top address: init must align it */
	ukarch_ctx_init(&a_ctx, (unsigned long)(sa + STACK - 7), worker, (void *)1);
	ukarch_ctx_init(&b_ctx, (unsigned long)(sb + STACK), worker, (void *)2);
	for (i = 0; i < 1001; i++) {
		ukarch_ctx_switch(&main_ctx, &a_ctx);
		ukarch_ctx_switch(&main_ctx, &b_ctx);
	}
	host_case("ctx.entry_args", got_arg, "entry did not get its argument");
	host_case("ctx.entry_stack_aligned", entry_aligned, "frame not 16-byte aligned");
	host_case("ctx.callee_saved_kept", a_sum == expected() && b_sum == expected(),
	          "values in callee-saved registers changed across switches");
	host_case("ctx.caller_intact", mine == 12345, "switching back broke the caller");
	free(sa);
	free(sb);
}

static void *area_new(void)
{
	return aligned_alloc(ukarch_ectx_align(), (ukarch_ectx_size() + 63) & ~63UL);
}

static void set_xmm0(uint64_t v)
{
	__asm__ __volatile__("movq %0, %%xmm0" : : "r"(v) : "xmm0");
}

static uint64_t get_xmm0(void)
{
	uint64_t v;

	__asm__ __volatile__("movq %%xmm0, %0" : "=r"(v));
	return v;
}

static uint32_t get_mxcsr(void)
{
	uint32_t v;

	__asm__ __volatile__("stmxcsr %0" : "=m"(v));
	return v;
}

static void set_mxcsr(uint32_t v)
{
	__asm__ __volatile__("ldmxcsr %0" : : "m"(v));
}

static void test_ectx(int want_xsave)
{
	void *a = area_new(), *b = area_new(), *saved = area_new();
	uint64_t x;
	uint32_t m;

	host_case(want_xsave ? "ectx.uses_xsave" : "ectx.uses_fxsave",
	          ukarch_ectx_uses_xsave() == want_xsave, "wrong mechanism");
	host_case("ectx.size_sane",
	          want_xsave ? ukarch_ectx_size() >= 576 && ukarch_ectx_size() <= 16384
	                     : ukarch_ectx_size() == 512,
	          "size out of range");
	ukarch_ectx_save(saved); /* the process's own state, put back at the end */
	set_xmm0(0x1122334455667788ULL);
	set_mxcsr(0x1f80 | 0x6000); /* round toward zero */
	ukarch_ectx_save(a);
	set_xmm0(0);
	set_mxcsr(0x1f80);
	ukarch_ectx_restore(a);
	x = get_xmm0();
	m = get_mxcsr();
	host_case("ectx.save_restore_xmm", x == 0x1122334455667788ULL, "xmm0 not restored");
	host_case("ectx.save_restore_mxcsr", (m & 0x6000) == 0x6000, "mxcsr not restored");
	ukarch_ectx_init(b);
	ukarch_ectx_restore(b);
	x = get_xmm0();
	m = get_mxcsr();
	ukarch_ectx_restore(saved);
	host_case("ectx.init_clean", x == 0 && m == 0x1f80, "init state not clean");
	free(a);
	free(b);
	free(saved);
}

static void bench_worker(void *arg)
{
	(void)arg;
	for (;;)
		ukarch_ctx_switch(&a_ctx, &main_ctx);
}

static void bench(void)
{
	char *s = malloc(STACK);
	struct timespec t0, t1;
	long i, n = 2000000;
	double ns;

	ukarch_ctx_init(&a_ctx, (unsigned long)(s + STACK), bench_worker, NULL);
	clock_gettime(CLOCK_MONOTONIC, &t0);
	for (i = 0; i < n; i++)
		ukarch_ctx_switch(&main_ctx, &a_ctx);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	ns = ((t1.tv_sec - t0.tv_sec) * 1e9 + (t1.tv_nsec - t0.tv_nsec)) / (2.0 * n);
	printf("# host ukarch_ctx_switch: %.1f ns per switch\n", ns);
	host_case("ctx.bench_ran", ns > 0, "no time measured");
}

int main(int argc, char **argv)
{
	int want_xsave = argc > 1 && !strcmp(argv[1], "xsave");

	test_switch();
	test_ectx(want_xsave);
	if (argc > 2 && !strcmp(argv[2], "bench"))
		bench();
	return host_failures ? 1 : 0;
}
