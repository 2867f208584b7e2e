/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The boot memory map: RAM ranges from the loader minus everything in use
 * (image, boot stacks, page tables, modules, low memory), reported through
 * ukplat_memregion_get(). Fixed-size tables: this runs before any allocator.
 */
#include <stddef.h>
#include <uk/plat/memory.h>
#include <kvm/bootinfo.h>
#include <kvm/errno.h>

struct range {
	uint64_t base, end;
};

static struct range ram[KVM_MEMREGION_MAX];
static int ram_count;
static struct range avail[KVM_MEMREGION_MAX];
static int avail_count;
static struct ukplat_memregion used[KVM_MEMREGION_MAX];
static int used_count;
static struct ukplat_memregion regions[2 * KVM_MEMREGION_MAX];
static int region_count;

int kvm_mem_add_ram(uint64_t base, uint64_t len)
{
	if (!len || base + len < base)
		return -EINVAL;
	if (ram_count == KVM_MEMREGION_MAX || avail_count == KVM_MEMREGION_MAX)
		return -ENOSPC;
	ram[ram_count++] = (struct range){base, base + len};
	avail[avail_count++] = (struct range){base, base + len};
	return 0;
}

/* Removes [base, end) from the available ranges, splitting one if needed */
static int avail_subtract(uint64_t base, uint64_t end)
{
	int i;

	for (i = 0; i < avail_count; i++) {
		struct range *r = &avail[i];

		if (end <= r->base || base >= r->end)
			continue;
		if (base > r->base && end < r->end) {
			if (avail_count == KVM_MEMREGION_MAX)
				return -ENOSPC;
			avail[avail_count++] = (struct range){end, r->end};
			r->end = base;
		} else if (base > r->base) {
			r->end = base;
		} else if (end < r->end) {
			r->base = end;
		} else {
			r->base = r->end; /* fully covered: empty, dropped later */
		}
	}
	return 0;
}

int kvm_mem_reserve(uint64_t base, uint64_t len, uint16_t type, const char *name)
{
	if (!len || base + len < base)
		return -EINVAL;
	if (used_count == KVM_MEMREGION_MAX)
		return -ENOSPC;
	used[used_count++] = (struct ukplat_memregion){
	    .pbase = base, .len = len, .type = type, .flags = 0, .name = name};
	return avail_subtract(base, base + len);
}

static void sort_avail(void)
{
	int i, j;

	for (i = 1; i < avail_count; i++) {
		struct range r = avail[i];

		for (j = i; j > 0 && avail[j - 1].base > r.base; j--)
			avail[j] = avail[j - 1];
		avail[j] = r;
	}
}

void kvm_mem_finalize(void)
{
	int i;

	region_count = 0;
	for (i = 0; i < used_count; i++)
		regions[region_count++] = used[i];
	sort_avail();
	for (i = 0; i < avail_count; i++) {
		if (avail[i].end <= avail[i].base)
			continue;
		regions[region_count++] =
		    (struct ukplat_memregion){.pbase = avail[i].base,
		                              .len = avail[i].end - avail[i].base,
		                              .type = UKPLAT_MEMRT_FREE,
		                              .flags = 0,
		                              .name = "free"};
	}
}

int kvm_mem_is_ram(uint64_t base, uint64_t len)
{
	int i;

	for (i = 0; i < ram_count; i++)
		if (base >= ram[i].base && base + len <= ram[i].end)
			return 1;
	return 0;
}

uint64_t kvm_mem_run_end(uint64_t pa, int *is_ram)
{
	uint64_t end = UINT64_MAX;
	int i;

	*is_ram = 0;
	for (i = 0; i < ram_count; i++) {
		if (pa >= ram[i].base && pa < ram[i].end) {
			*is_ram = 1;
			return ram[i].end; /* ranges do not overlap */
		}
		if (ram[i].base > pa && ram[i].base < end)
			end = ram[i].base;
	}
	return end;
}

uint64_t kvm_mem_ram_top(void)
{
	uint64_t top = 0;
	int i;

	for (i = 0; i < ram_count; i++)
		if (ram[i].end > top)
			top = ram[i].end;
	return top;
}

int ukplat_memregion_count(void)
{
	return region_count;
}

int ukplat_memregion_get(int i, struct ukplat_memregion *out)
{
	if (i < 0 || i >= region_count || !out)
		return -EINVAL;
	*out = regions[i];
	return 0;
}
