/* The scenarios of the platform test guest; each prints "kvmtest: ..." lines
 * that the host-side .test scripts check. */
#include <stdint.h>
#include <uk/arch/lcpu.h>
#include <uk/plat.h>
#include "scenarios.h"

extern char _text[], _etext[], _rodata[], _erodata[], _end[];

static const char *type_name(uint16_t t)
{
	switch (t) {
	case UKPLAT_MEMRT_FREE:
		return "free";
	case UKPLAT_MEMRT_KERNEL:
		return "kernel";
	case UKPLAT_MEMRT_RESERVED:
		return "reserved";
	case UKPLAT_MEMRT_INITRD:
		return "initrd";
	case UKPLAT_MEMRT_CMDLINE:
		return "cmdline";
	case UKPLAT_MEMRT_STACK:
		return "stack";
	default:
		return "?";
	}
}

static int overlaps(uint64_t a, uint64_t alen, uint64_t b, uint64_t blen)
{
	return a < b + blen && b < a + alen;
}

/* Prints every region; checks no FREE region overlaps a used one */
void kt_memmap(void)
{
	struct ukplat_memregion r, u;
	int i, j, bad = 0;
	uint64_t free_bytes = 0;

	for (i = 0; ukplat_memregion_get(i, &r) == 0; i++) {
		kt_printf("kvmtest: region %lx %lx %s %s\n", (unsigned long)r.pbase,
		          (unsigned long)r.len, type_name(r.type), r.name);
		if (r.type != UKPLAT_MEMRT_FREE)
			continue;
		free_bytes += r.len;
		for (j = 0; ukplat_memregion_get(j, &u) == 0; j++)
			if (u.type != UKPLAT_MEMRT_FREE && overlaps(r.pbase, r.len, u.pbase, u.len))
				bad++;
		if (r.pbase < 0x100000)
			bad++;
	}
	kt_printf("kvmtest: memmap regions=%d free=%lu overlaps=%d get(-1)=%d\n", i,
	          (unsigned long)free_bytes, bad, ukplat_memregion_get(-1, &r));
}

void kt_null_deref(void)
{
	volatile int *p = (volatile int *)0;

	kt_printf("kvmtest: reading NULL\n");
	/* cppcheck-suppress nullPointer ; the fault is the point */
	(void)*p;
	kt_printf("kvmtest: NULL read did not fault\n");
}

void kt_text_write(void)
{
	volatile uint8_t *p = (volatile uint8_t *)(uintptr_t)kt_text_write;

	kt_printf("kvmtest: writing to text at %p\n", (void *)p);
	*p = 0xcc;
	kt_printf("kvmtest: text write did not fault\n");
}

/* Executes a `ret` copied into nothing: rodata must not be executable */
static const uint8_t ret_insn[16] __attribute__((aligned(16))) = {0xc3};

void kt_rodata_exec(void)
{
	void (*fn)(void) = (void (*)(void))(uintptr_t)ret_insn;

	kt_printf("kvmtest: executing rodata at %p\n", (void *)ret_insn);
	fn();
	kt_printf("kvmtest: rodata exec did not fault\n");
}

/* the depth limit is only there to keep GCC's infinite-recursion check
 * quiet: the boot stack is far smaller than limit * 512 bytes */
static __attribute__((noinline)) uint64_t recurse(uint64_t n, uint64_t limit)
{
	volatile char pad[512];

	pad[0] = (char)n;
	if (n == limit)
		return n;
	return recurse(n + 1, limit) + pad[0];
}

void kt_stack_overflow(void)
{
	kt_printf("kvmtest: overflowing the boot stack\n");
	kt_printf("kvmtest: result %lu\n", (unsigned long)recurse(0, 1UL << 40));
}

void kt_halt(uint64_t ms)
{
	uint64_t t0 = ukplat_monotonic_clock();
	uint64_t deadline = t0 + ms * 1000000ULL;
	uint64_t t1, halts = 0;

	while ((t1 = ukplat_monotonic_clock()) < deadline) {
		ukplat_lcpu_halt_until(deadline);
		halts++;
	}
	kt_printf("kvmtest: halt requested=%lu us slept=%lu us late=%lu us wakeups=%lu\n",
	          (unsigned long)(ms * 1000), (unsigned long)((t1 - t0) / 1000),
	          (unsigned long)((t1 - deadline) / 1000), (unsigned long)halts);
}

/* Prints the clocks at the start and after `seconds` of halting */
void kt_clock(uint64_t seconds)
{
	uint64_t m0 = ukplat_monotonic_clock(), w0 = ukplat_wall_clock();
	uint64_t end = m0 + seconds * 1000000000ULL;

	kt_printf("kvmtest: clock start mono=%lu wall=%lu\n", (unsigned long)m0,
	          (unsigned long)(w0 / 1000000000ULL));
	while (ukplat_monotonic_clock() < end)
		ukplat_lcpu_halt_until(end);
	kt_printf("kvmtest: clock end mono=%lu wall=%lu\n", (unsigned long)ukplat_monotonic_clock(),
	          (unsigned long)(ukplat_wall_clock() / 1000000000ULL));
}

/* The monotonic clock read back to back for `seconds`, interrupts on (the
 * RTC refinement changes the TSC scale from its interrupt meanwhile): it
 * must never go back, and no step may advance it more than the TSC moved
 * in the same step (at the rate seen over the first 50 ms; a TSC read on
 * each side of the clock read, so an interrupt or host stall in between is
 * noticed and the steps around it not judged). A host that
 * stalls the guest makes both move; a rescale that is not continuous makes
 * only the clock jump. */
void kt_mono(uint64_t seconds)
{
	uint64_t m0 = ukplat_monotonic_clock(), t0 = rdtsc(), prev, tprev, now, tnow, end;
	uint64_t back = 0, max_step = 0, max_excess = 0, reads = 0, ns_per_mtick;
	int tight = 0;

	while (ukplat_monotonic_clock() < m0 + 50000000ULL)
		;
	/* ns per million TSC ticks */
	ns_per_mtick = (ukplat_monotonic_clock() - m0) * 1000000ULL / (rdtsc() - t0);
	prev = ukplat_monotonic_clock();
	tprev = rdtsc();
	end = prev + seconds * 1000000000ULL;
	ukarch_irq_enable();
	do {
		uint64_t tpre = rdtsc();
		int was_tight = tight;

		now = ukplat_monotonic_clock();
		tnow = rdtsc();
		/* an interrupt or a host stall between the clock and TSC reads
		 * makes the pair two instants: steps from or to it are not
		 * judged */
		tight = (tnow - tpre) * ns_per_mtick / 1000000ULL < 20000;
		if (now < prev) {
			back++;
		} else if (!tight || !was_tight) {
			if (now - prev > max_step)
				max_step = now - prev;
		} else {
			uint64_t step = now - prev,
			         expect = (tnow - tprev) * ns_per_mtick / 1000000ULL;

			if (step > max_step)
				max_step = step;
			if (step > expect && step - expect > max_excess)
				max_excess = step - expect;
		}
		prev = now;
		tprev = tnow;
		reads++;
	} while (now < end);
	ukarch_irq_disable();
	kt_printf("kvmtest: mono reads=%lu back=%lu max_step_ns=%lu max_excess_ns=%lu\n",
	          (unsigned long)reads, (unsigned long)back, (unsigned long)max_step,
	          (unsigned long)max_excess);
}

/* ukplat_page_set_prot: argument checks, then a guard page that faults */
void kt_prot(void)
{
	static uint8_t page[4096] __attribute__((aligned(4096)));
	volatile uint8_t *p = page;

	kt_printf("kvmtest: prot unaligned=%d zero=%d badprot=%d\n",
	          ukplat_page_set_prot((unsigned long)page + 1, 1, UKPLAT_PROT_READ),
	          ukplat_page_set_prot((unsigned long)page, 0, UKPLAT_PROT_READ),
	          ukplat_page_set_prot((unsigned long)page, 1, 0x40));
	kt_printf("kvmtest: prot ro=%d\n",
	          ukplat_page_set_prot((unsigned long)page, 1, UKPLAT_PROT_READ));
	kt_printf("kvmtest: prot read=%d\n", p[0]);
	kt_printf(
	    "kvmtest: prot rw=%d\n",
	    ukplat_page_set_prot((unsigned long)page, 1, UKPLAT_PROT_READ | UKPLAT_PROT_WRITE));
	p[0] = 7;
	kt_printf("kvmtest: prot write ok=%d\n", p[0]);
	kt_printf("kvmtest: prot none=%d\n",
	          ukplat_page_set_prot((unsigned long)page, 1, UKPLAT_PROT_NONE));
	p[1] = 1; /* must fault */
	kt_printf("kvmtest: prot none did not fault\n");
}

/* SSE and, when enabled, AVX registers are usable in ordinary code */
void kt_sse(void)
{
	unsigned long cr4 = read_cr4();
	float a = 1.5f;
	volatile float b = 2.25f;
	int r = (int)((a * b) * 100.0f);

	kt_printf("kvmtest: sse result=%d osfxsr=%d osxsave=%d\n", r, !!(cr4 & X86_CR4_OSFXSR),
	          !!(cr4 & X86_CR4_OSXSAVE));
}

/* Writes and reads back the first and last word of every FREE region:
 * all RAM, including above 4 GiB, must be mapped and writable */
void kt_touch(void)
{
	struct ukplat_memregion r;
	int i, n = 0, bad = 0;

	for (i = 0; ukplat_memregion_get(i, &r) == 0; i++) {
		volatile uint64_t *a, *b;

		if (r.type != UKPLAT_MEMRT_FREE || r.len < 16)
			continue;
		a = (volatile uint64_t *)(uintptr_t)r.pbase;
		b = (volatile uint64_t *)(uintptr_t)(r.pbase + r.len - 8);
		*a = r.pbase;
		*b = ~r.pbase;
		bad += *a != r.pbase || *b != ~r.pbase;
		n++;
	}
	kt_printf("kvmtest: touch regions=%d bad=%d\n", n, bad);
}

/* ukplat_page_set_prot on RAM at 5 GiB (a 6 GiB guest): mapped with a
 * 1 GiB page where the CPU has them (-cpu max), split on demand; the rest
 * of the GiB keeps working, then the protected page faults */
void kt_highprot(void)
{
	const unsigned long a = 0x140000000UL;
	volatile uint64_t *p = (volatile uint64_t *)a, *next = (volatile uint64_t *)(a + 4096);
	volatile uint64_t *far = (volatile uint64_t *)(a + (512UL << 20));
	int rc;

	*p = 1;
	rc = ukplat_page_set_prot(a, 1, UKPLAT_PROT_READ);
	*next = 2;
	*far = 3;
	kt_printf("kvmtest: highprot ro=%d read=%lu next=%lu far=%lu\n", rc, (unsigned long)*p,
	          (unsigned long)*next, (unsigned long)*far);
	rc = ukplat_page_set_prot(a, 1, UKPLAT_PROT_NONE);
	kt_printf("kvmtest: highprot none=%d next=%lu\n", rc, (unsigned long)*next);
	kt_printf("kvmtest: highprot read=%lu (must not be reached)\n", (unsigned long)*p);
}

/* Is `marker` in the 25 rows the CRTC start address selects? */
static int vga_shows(const char *marker)
{
	volatile uint16_t *cell;
	unsigned int start;
	int i, j, found = 0;

	outb(0x3d4, 0x0c);
	start = (unsigned int)inb(0x3d5) << 8;
	outb(0x3d4, 0x0d);
	start |= inb(0x3d5);
	cell = (volatile uint16_t *)0xb8000UL + start;
	for (i = 0; i < 80 * 25 && !found; i++) {
		for (j = 0; marker[j] && i + j < 80 * 25; j++)
			if ((char)(cell[i + j] & 0xff) != marker[j])
				break;
		found = !marker[j];
	}
	return found;
}

/* A guest that never idles still gets its text on the screen: the timer
 * interrupt boot arms 50 ms ahead draws it. Before that it is not there
 * (kept for later, not drawn at boot); 200 ms later it must be. */
void kt_vgabusy(void)
{
	static const char marker[] = "vga-busy-4712";
	uint64_t end = ukplat_monotonic_clock() + 200000000ULL;
	int early;

	kt_printf("kvmtest: %s\n", marker);
	early = vga_shows(marker);
	ukarch_irq_enable();
	while (ukplat_monotonic_clock() < end)
		;
	ukarch_irq_disable();
	kt_printf("kvmtest: vgabusy early=%d late=%d\n", early, vga_shows(marker));
}

/* The VGA console shows the text: after `lines` lines of filler (enough to
 * scroll through the whole text window), a marker must be on the screen
 * that the CRTC start address selects */
void kt_vga(uint64_t lines)
{
	static const char marker[] = "vga-marker-4711";
	unsigned int start;
	uint64_t l;
	int found;

	for (l = 0; l < lines; l++)
		kt_printf("kvmtest: filler line %lu\n", (unsigned long)l);
	kt_printf("kvmtest: %s\n", marker);
	/* the console draws what it kept at the first idle (a deadline in
	 * the past does not wait) */
	ukplat_lcpu_halt_until(0);
	found = vga_shows(marker);
	outb(0x3d4, 0x0c);
	start = (unsigned int)inb(0x3d5) << 8;
	outb(0x3d4, 0x0d);
	start |= inb(0x3d5);
	kt_printf("kvmtest: vga start=%u found=%d\n", start, found);
}

/* Text left in the text window (by the firmware, or an earlier pass of the
 * scrolling window) must not show beside a shorter line or in a tab's gap:
 * the whole window is filled with 'Z', then two lines are printed, and the
 * two rows above the cursor must hold no 'Z' */
void kt_vgastale(void)
{
	volatile uint16_t *win = (volatile uint16_t *)0xb8000UL;
	unsigned int i, cursor, row, stale = 0;

	for (i = 0; i < 16 * 1024; i++)
		win[i] = 0x0700 | 'Z';
	kt_printf("\nkvmtest: short\nkvmtest: a\tb\n");
	ukplat_lcpu_halt_until(0); /* draws what the VGA console kept */
	outb(0x3d4, 0x0e);
	cursor = (unsigned int)inb(0x3d5) << 8;
	outb(0x3d4, 0x0f);
	cursor |= inb(0x3d5);
	row = cursor / 80;
	for (i = (row - 2) * 80; row >= 2 && i < row * 80; i++)
		stale += (win[i] & 0xff) == 'Z';
	kt_printf("kvmtest: vgastale row=%u stale=%u\n", row, stale);
}

/* Exceptions other than page faults: invalid opcode, general protection
 * (non-canonical address) and divide error */
void kt_exception(const char *which)
{
	volatile uint64_t *noncanon = (volatile uint64_t *)0x8000000000000000UL;
	unsigned int zero = 0, q = 1;

	kt_printf("kvmtest: raising %s\n", which);
	if (which[0] == 'u')
		__asm__ __volatile__("ud2");
	else if (which[0] == 'g')
		(void)*noncanon;
	else /* GCC turns a C division by 1/x into a compare: divide in asm */
		__asm__ __volatile__("xorl %%edx, %%edx; divl %1" : "+a"(q) : "r"(zero) : "rdx");
	kt_printf("kvmtest: %s did not trap\n", which);
}
