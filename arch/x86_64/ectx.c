/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Extended CPU state (x87, SSE, AVX...). XSAVE is used when the CPU has it
 * and the platform turned it on (CR4.OSXSAVE, seen as CPUID.1:ECX bit 27);
 * it then saves exactly the components enabled in XCR0, in an area whose
 * size CPUID leaf 0xD reports. Otherwise FXSAVE's fixed 512 bytes are used.
 */
#include <uk/config.h>
#include <uk/arch/ctx.h>
#include <uk/arch/lcpu.h>

#define CPUID1_ECX_XSAVE   (1U << 26)
#define CPUID1_ECX_OSXSAVE (1U << 27)

#define FXSAVE_SIZE    512
#define FXSAVE_ALIGN   16
#define XSAVE_ALIGN    64
#define OFF_FCW        0
#define OFF_MXCSR      24
#define OFF_XSTATE_BV  512
#define XSTATE_X87_SSE 0x3UL
#define FCW_DEFAULT    0x037f /* all exceptions masked, 64-bit precision */
#define MXCSR_DEFAULT  0x1f80 /* all exceptions masked, round to nearest */

static int probed;
static int use_xsave;
static unsigned long xsave_mask;
static unsigned long area_size = FXSAVE_SIZE;

/* CONFIG_ARCH_X86_64_NOSSE: no code uses the extended state, so a switch
 * has nothing to save; threads still get a small area so callers need not
 * special-case it. */
#ifdef CONFIG_ARCH_X86_64_NOSSE
#define NOSSE 1
#else
#define NOSSE 0
#endif
#define NOSSE_AREA 16

static unsigned long xgetbv0(void)
{
	__u32 lo, hi;

	__asm__ __volatile__("xgetbv" : "=a"(lo), "=d"(hi) : "c"(0));
	return ((unsigned long)hi << 32) | lo;
}

static int xsave_wanted(void)
{
#ifdef CONFIG_ARCH_X86_64_XSAVE
	return 1;
#else
	return 0;
#endif
}

static void probe(void)
{
	__u32 a, b, c, d;

	probed = 1;
	if (NOSSE) {
		area_size = NOSSE_AREA;
		return;
	}
	if (!xsave_wanted())
		return;
	ukarch_cpuid(1, 0, &a, &b, &c, &d);
	if ((c & (CPUID1_ECX_XSAVE | CPUID1_ECX_OSXSAVE)) !=
	    (CPUID1_ECX_XSAVE | CPUID1_ECX_OSXSAVE))
		return;
	xsave_mask = xgetbv0();
	ukarch_cpuid(0xd, 0, &a, &b, &c, &d);
	/* ebx: the size needed for the components enabled in XCR0 right now */
	area_size = b;
	use_xsave = 1;
}

int ukarch_ectx_uses_xsave(void)
{
	if (!probed)
		probe();
	return use_xsave;
}

unsigned long ukarch_ectx_size(void)
{
	if (!probed)
		probe();
	return area_size;
}

unsigned long ukarch_ectx_align(void)
{
	return ukarch_ectx_uses_xsave() ? XSAVE_ALIGN : FXSAVE_ALIGN;
}

void ukarch_ectx_init(void *area)
{
	unsigned char *p = area;
	unsigned long i, n = ukarch_ectx_size();

	for (i = 0; i < n; i++)
		p[i] = 0;
	if (NOSSE)
		return;
	*(__u16 *)(p + OFF_FCW) = FCW_DEFAULT;
	*(__u32 *)(p + OFF_MXCSR) = MXCSR_DEFAULT;
	/* x87 and SSE from the area (zeros + defaults above), the rest in init state */
	if (use_xsave)
		*(__u64 *)(p + OFF_XSTATE_BV) = XSTATE_X87_SSE & xsave_mask;
}

void ukarch_ectx_save(void *area)
{
	if (!probed)
		probe();
	if (NOSSE)
		return;
	if (use_xsave)
		__asm__ __volatile__("xsave64 (%0)"
		                     :
		                     : "r"(area), "a"((__u32)xsave_mask),
		                       "d"((__u32)(xsave_mask >> 32))
		                     : "memory");
	else
		__asm__ __volatile__("fxsave64 (%0)" : : "r"(area) : "memory");
}

void ukarch_ectx_restore(void *area)
{
	if (!probed)
		probe();
	if (NOSSE)
		return;
	if (use_xsave)
		__asm__ __volatile__("xrstor64 (%0)"
		                     :
		                     : "r"(area), "a"((__u32)xsave_mask),
		                       "d"((__u32)(xsave_mask >> 32))
		                     : "memory");
	else
		__asm__ __volatile__("fxrstor64 (%0)" : : "r"(area) : "memory");
}
