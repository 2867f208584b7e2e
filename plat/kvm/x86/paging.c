/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Final page tables: an identity map of 0-4 GiB (RAM write-back, the rest
 * uncached for MMIO) and of all RAM above, with 4 KiB pages over the image
 * so that text is read-only+exec, rodata read-only and data/bss/stacks
 * non-executable. Page 0 stays unmapped so NULL dereferences fault.
 *
 * Below 4 GiB they are the boot page tables (boot32.S: four directories
 * of 2 MiB pages) rewritten in place, entry by entry, while they are in
 * use: every entry keeps its identity address, so the code and stack in
 * use stay mapped throughout. Building separate tables ran about twice
 * the code (allocating, zeroing and linking tables), and under TCG all
 * code run at boot is translated first (~40 blocks, ~0.2 ms).
 */
#include <stdbool.h>
#include <stddef.h>
#include <uk/arch/lcpu.h>
#include <uk/plat/memory.h>
#include <kvm/boot.h>
#include <kvm/bootinfo.h>
#include <kvm/errno.h>
#include <kvm/paging.h>

#define PTE_P        (1UL << 0)
#define PTE_W        (1UL << 1)
#define PTE_PWT      (1UL << 3)
#define PTE_PCD      (1UL << 4)
#define PTE_PS       (1UL << 7)
#define PTE_NX       (1UL << 63)
#define PTE_ADDR     0x000ffffffffff000UL
#define PTE_CACHE    (PTE_PWT | PTE_PCD)
#define PT_ENTRIES   512
#define SZ_2M        (1UL << 21)
#define SZ_1G        (1UL << 30)
#define SZ_4G        (1UL << 32)
#define CPUID_NX_BIT (1U << 20)
#define CPUID_1G_BIT (1U << 26)

/* not cleared at boot (link64.lds): pt_alloc zeroes each page it hands out */
static uint64_t pt_pool[KVM_PT_POOL_PAGES][PT_ENTRIES]
    __attribute__((aligned(4096), section(".bss.kvm_noclear.pt_pool")));
static int pt_pool_used;
static uint64_t *pml4;
static uint64_t nx;    /* PTE_NX when the CPU supports it, else 0 */
static bool gib_pages; /* 1 GiB pages (CPUID Page1GB) */

/* A page table whose every entry the caller writes: no zeroing (each
 * store costs where the guest is emulated instruction by instruction) */
static uint64_t *pt_alloc_filled(void)
{
	if (pt_pool_used == KVM_PT_POOL_PAGES)
		return NULL;
	return pt_pool[pt_pool_used++];
}

static uint64_t *pt_alloc(void)
{
	uint64_t *t = pt_alloc_filled();
	int i;

	for (i = 0; t && i < PT_ENTRIES; i++)
		t[i] = 0;
	return t;
}

static unsigned int pt_index(uint64_t va, int level)
{
	return (va >> (12 + 9 * level)) & (PT_ENTRIES - 1);
}

/* The table below entry e of tbl, created when absent; NULL when out of
 * pool pages or when e is a large page (callers split first). */
static uint64_t *pt_next(uint64_t *tbl, unsigned int e, bool create)
{
	uint64_t *t;

	if (tbl[e] & PTE_P) {
		if (tbl[e] & PTE_PS)
			return NULL;
		return (uint64_t *)(uintptr_t)(tbl[e] & PTE_ADDR);
	}
	if (!create)
		return NULL;
	t = pt_alloc();
	if (t)
		tbl[e] = (uintptr_t)t | PTE_P | PTE_W;
	return t;
}

/* A cursor over the memory map: RAM-ness of consecutive addresses, looked
 * up once per run instead of once per page or 2 MiB chunk */
struct ram_cursor {
	uint64_t end;
	int is_ram;
};

static int cursor_is_ram(struct ram_cursor *c, uint64_t pa, uint64_t len)
{
	if (pa >= c->end)
		c->end = kvm_mem_run_end(pa, &c->is_ram);
	/* a chunk that crosses the run's end is not RAM as a whole (bitwise:
	 * under TCG every branch run at boot is one more block to translate) */
	return (c->is_ram != 0) & (pa + len <= c->end);
}

static uint64_t default_flags(struct ram_cursor *c, uint64_t pa, uint64_t len)
{
	return PTE_P | PTE_W | nx | (PTE_CACHE & ((uint64_t)cursor_is_ram(c, pa, len) - 1));
}

/* The pages of [lo, hi) inside the 2 MiB chunk at pa get flags f (0: not
 * present). One loop for every range: one piece of code to translate. */
static __attribute__((noinline)) void set_pages(uint64_t *pt, uint64_t pa, uint64_t lo, uint64_t hi,
                                                uint64_t f)
{
	uint64_t keep = -(uint64_t)(f != 0); /* all ones, or 0 for "not present" */

	lo = lo < pa ? pa : lo;
	hi = hi > pa + SZ_2M ? pa + SZ_2M : hi;
	for (; lo < hi; lo += __PAGE_SIZE)
		pt[pt_index(lo, 0)] = ((lo & PTE_ADDR) | f) & keep;
}

/* Maps the 2 MiB chunk at pa with 4 KiB pages: RAM or MMIO defaults, then
 * the image's sections, the boot stack guard and page 0 over them */
static int map_chunk_4k(uint64_t *pd, uint64_t pa)
{
	struct ram_cursor c = {0, 0};
	uint64_t *pt = pt_alloc_filled(); /* every entry is written below */
	uint64_t a;

	if (!pt)
		return -ENOMEM;
	for (a = pa; a < pa + SZ_2M; a += __PAGE_SIZE)
		pt[pt_index(a, 0)] = a | default_flags(&c, a, __PAGE_SIZE);
	set_pages(pt, pa, (uintptr_t)_text, (uintptr_t)_etext, PTE_P);
	set_pages(pt, pa, (uintptr_t)_rodata, (uintptr_t)_erodata, PTE_P | nx);
	set_pages(pt, pa, (uintptr_t)_data, (uintptr_t)_end, PTE_P | PTE_W | nx);
	set_pages(pt, pa, (uintptr_t)kvm_boot_stack_guard, (uintptr_t)kvm_boot_stack, 0);
	set_pages(pt, pa, 0, __PAGE_SIZE, 0);
	pd[pt_index(pa, 1)] = (uintptr_t)pt | PTE_P | PTE_W;
	return 0;
}

/* The page directory covering pa (1 GiB), created when absent; `filled`
 * when the caller writes all its entries */
static uint64_t *pd_for(uint64_t pa, bool filled)
{
	uint64_t *pdpt = pt_next(pml4, pt_index(pa, 3), true);
	uint64_t *pd;

	if (!pdpt || !filled)
		return pdpt ? pt_next(pdpt, pt_index(pa, 2), true) : NULL;
	pd = pt_alloc_filled();
	if (pd)
		pdpt[pt_index(pa, 2)] = (uintptr_t)pd | PTE_P | PTE_W;
	return pd;
}

/* Maps [pa, pa + 1 GiB) with one page when the CPU can and the memory map
 * is the same (all RAM or none) over it; 1 when done */
static int map_gib_page(struct ram_cursor *c, uint64_t pa, uint64_t fine_end)
{
	uint64_t *pdpt;
	int ram;

	if (!gib_pages || pa < fine_end)
		return 0;
	ram = cursor_is_ram(c, pa, SZ_1G);
	if (!ram && (c->is_ram || c->end < pa + SZ_1G))
		return 0; /* RAM and MMIO share this GiB */
	if (!ram && pa >= SZ_4G)
		return 1; /* above 4 GiB only RAM is mapped */
	pdpt = pt_next(pml4, pt_index(pa, 3), true);
	if (!pdpt)
		return 0;
	pdpt[pt_index(pa, 2)] = pa | PTE_PS | PTE_P | PTE_W | nx | (ram ? 0 : PTE_CACHE);
	return 1;
}

/* Maps [pa, pa + 1 GiB) below `top`: 2 MiB pages, 4 KiB ones below fine_end */
static int map_gib(struct ram_cursor *c, uint64_t pa, uint64_t top, uint64_t fine_end)
{
	uint64_t *pd = NULL;
	uint64_t end = pa + SZ_1G;
	int rc;

	if (map_gib_page(c, pa, fine_end))
		return 0;

	for (; pa < end && pa < top; pa += SZ_2M) {
		uint64_t f;

		if (pa >= SZ_4G && !cursor_is_ram(c, pa, 1))
			continue; /* above 4 GiB only RAM is mapped */
		f = default_flags(c, pa, SZ_2M);
		if (!pd) {
			/* below 4 GiB every entry is written */
			pd = pd_for(pa, end <= SZ_4G);
			if (!pd)
				return -ENOMEM;
		}
		if (pa < fine_end) {
			rc = map_chunk_4k(pd, pa);
			if (rc)
				return rc;
			continue;
		}
		pd[pt_index(pa, 1)] = pa | PTE_PS | f;
	}
	return 0;
}

static void detect_gib_pages(void)
{
	__u32 a, b, c, d;

	ukarch_cpuid(0x80000000, 0, &a, &b, &c, &d);
	if (a < 0x80000001)
		return;
	ukarch_cpuid(0x80000001, 0, &a, &b, &c, &d);
	gib_pages = (d & CPUID_1G_BIT) != 0;
}

static void enable_nx(void)
{
	__u32 a, b, c, d;

	ukarch_cpuid(0x80000000, 0, &a, &b, &c, &d);
	if (a < 0x80000001)
		return;
	ukarch_cpuid(0x80000001, 0, &a, &b, &c, &d);
	if (!(d & CPUID_NX_BIT))
		return;
	wrmsr(X86_MSR_EFER, rdmsr(X86_MSR_EFER) | X86_EFER_NXE);
	nx = PTE_NX;
}

/* 0-4 GiB in the boot tables' directories: a 1 GiB page where the GiB
 * allows (map_gib_page), else 2 MiB pages, and 4 KiB below fine_end */
static int map_low_4g(uint64_t fine_end)
{
	uint64_t *pdpt = (uint64_t *)(uintptr_t)(pml4[0] & PTE_ADDR);
	struct ram_cursor c = {0, 0};
	uint64_t pa, *pd = NULL;
	int rc;

	for (pa = 0; pa < SZ_4G; pa += SZ_2M) {
		if (!(pa & (SZ_1G - 1))) {
			if (map_gib_page(&c, pa, fine_end)) {
				pa += SZ_1G - SZ_2M;
				continue;
			}
			pd = (uint64_t *)(uintptr_t)(pdpt[pt_index(pa, 2)] & PTE_ADDR);
		}
		if (pa < fine_end) {
			rc = map_chunk_4k(pd, pa);
			if (rc)
				return rc;
			continue;
		}
		pd[pt_index(pa, 1)] = pa | PTE_PS | default_flags(&c, pa, SZ_2M);
	}
	return 0;
}

int kvm_paging_init(void)
{
	uint64_t fine_end = ((uintptr_t)_end + SZ_2M - 1) & ~(SZ_2M - 1);
	uint64_t top = kvm_mem_ram_top();
	struct ram_cursor cursor = {0, 0};
	uint64_t pa;
	int rc;

	/* before any entry gets the NX bit, reserved until EFER.NXE is set */
	enable_nx();
	detect_gib_pages();
	pml4 = kvm_boot_pml4;
	rc = map_low_4g(fine_end);
	if (rc)
		return rc;
	/* RAM above 4 GiB: new directories (or 1 GiB pages) from the pool */
	for (pa = SZ_4G; pa < top; pa += SZ_1G) {
		rc = map_gib(&cursor, pa, top, fine_end);
		if (rc)
			return rc;
	}
	/* CR0.WP makes read-only pages read-only for the kernel too; the
	 * CR3 write drops what the TLB kept of the boot entries */
	write_cr0(read_cr0() | X86_CR0_WP);
	write_cr3((uintptr_t)pml4);
	return 0;
}

int kvm_paging_nx(void)
{
	return nx != 0;
}

/* The leaf entry of va, or NULL; *level is 0 for 4 KiB, 1 for 2 MiB */
static uint64_t *pt_leaf(uint64_t va, int *level)
{
	uint64_t *t = pml4;
	int l;

	if (!t)
		return NULL;
	for (l = 3; l > 0; l--) {
		uint64_t e = t[pt_index(va, l)];

		if (!(e & PTE_P))
			return NULL;
		if (e & PTE_PS) {
			*level = l;
			return &t[pt_index(va, l)];
		}
		t = (uint64_t *)(uintptr_t)(e & PTE_ADDR);
	}
	*level = 0;
	return &t[pt_index(va, 0)];
}

int kvm_paging_readable(uint64_t addr)
{
	int level;
	uint64_t *e;

	if (addr >> 47)
		return 0; /* non-canonical or kernel half: never mapped here */
	e = pt_leaf(addr, &level);
	return e && (*e & PTE_P);
}

/* Replaces the 2 MiB page holding va with a table of 4 KiB pages */
static int split_2m(uint64_t va)
{
	uint64_t *pdpt = pt_next(pml4, pt_index(va, 3), false);
	uint64_t *pd = pdpt ? pt_next(pdpt, pt_index(va, 2), false) : NULL;
	uint64_t e, *pt;
	unsigned int i;

	if (!pd)
		return -EINVAL;
	e = pd[pt_index(va, 1)];
	pt = pt_alloc();
	if (!pt)
		return -ENOMEM;
	for (i = 0; i < PT_ENTRIES; i++)
		pt[i] = ((e & PTE_ADDR) + i * __PAGE_SIZE) | (e & ~(PTE_ADDR | PTE_PS));
	pd[pt_index(va, 1)] = (uintptr_t)pt | PTE_P | PTE_W;
	return 0;
}

/* Replaces the 1 GiB page holding va with a directory of 2 MiB pages */
static int split_1g(uint64_t *pdpt, uint64_t va)
{
	uint64_t e = pdpt[pt_index(va, 2)], *pd;
	unsigned int i;

	pd = pt_alloc_filled();
	if (!pd)
		return -ENOMEM;
	for (i = 0; i < PT_ENTRIES; i++)
		pd[i] = ((e & PTE_ADDR) + i * SZ_2M) | (e & ~PTE_ADDR);
	pdpt[pt_index(va, 2)] = (uintptr_t)pd | PTE_P | PTE_W;
	return 0;
}

static uint64_t *pte_4k(uint64_t va)
{
	uint64_t *pdpt, *pd, *pt;

	pdpt = pt_next(pml4, pt_index(va, 3), false);
	if (pdpt && (pdpt[pt_index(va, 2)] & (PTE_P | PTE_PS)) == (PTE_P | PTE_PS) &&
	    split_1g(pdpt, va))
		return NULL;
	pd = pdpt ? pt_next(pdpt, pt_index(va, 2), false) : NULL;
	if (!pd)
		return NULL;
	if ((pd[pt_index(va, 1)] & (PTE_P | PTE_PS)) == (PTE_P | PTE_PS) && split_2m(va))
		return NULL;
	pt = pt_next(pd, pt_index(va, 1), false);
	return pt ? &pt[pt_index(va, 0)] : NULL;
}

static uint64_t prot_flags(int prot)
{
	uint64_t f;

	if (prot == UKPLAT_PROT_NONE)
		return 0;
	f = PTE_P;
	if (prot & UKPLAT_PROT_WRITE)
		f |= PTE_W;
	if (!(prot & UKPLAT_PROT_EXEC))
		f |= nx;
	return f;
}

static int set_prot_one(uint64_t va, int prot)
{
	uint64_t *e = pte_4k(va);
	uint64_t f = prot_flags(prot);

	if (!e)
		return -ENOMEM;
	/* unmapped pages keep their address and cache bits for a later remap */
	*e = va | (*e & PTE_CACHE) | f;
	invlpg(va);
	return 0;
}

/* One page below 4 GiB already mapped by a 4 KiB entry (a thread's guard
 * page, the usual call): no range validation, no split checks, fewer code
 * paths for TCG to translate at boot. 1 when done. */
static int set_prot_mapped_4k(uint64_t va, int prot)
{
	unsigned long flags;
	int level;
	uint64_t *e = pt_leaf(va, &level);

	if (!e || level)
		return 0;
	flags = ukarch_irq_save();
	*e = va | (*e & PTE_CACHE) | prot_flags(prot);
	invlpg(va);
	ukarch_irq_restore(flags);
	return 1;
}

int ukplat_page_set_prot(unsigned long vaddr, unsigned long npages, int prot)
{
	unsigned long i, flags;
	int rc = 0;

	if ((vaddr & (__PAGE_SIZE - 1)) || !npages || !pml4 ||
	    (prot & ~(UKPLAT_PROT_READ | UKPLAT_PROT_WRITE | UKPLAT_PROT_EXEC)))
		return -EINVAL;
	if (npages == 1 && vaddr < SZ_4G && set_prot_mapped_4k(vaddr, prot))
		return 0;
	if (npages > (SZ_4G >> 12) || vaddr + npages * __PAGE_SIZE < vaddr)
		return -EINVAL;
	/* validate the whole range first: no partial change on a bad request */
	for (i = 0; i < npages; i++) {
		uint64_t va = vaddr + i * __PAGE_SIZE;

		if (va >= SZ_4G && !kvm_mem_is_ram(va, __PAGE_SIZE))
			return -EINVAL;
	}
	flags = ukarch_irq_save();
	for (i = 0; i < npages && !rc; i++)
		rc = set_prot_one(vaddr + i * __PAGE_SIZE, prot);
	ukarch_irq_restore(flags);
	return rc;
}
