/* SPDX-License-Identifier: BSD-3-Clause */
/* PVH boot (QEMU -M microvm, Firecracker): hvm_start_info with memory map,
 * modules, command line and RSDP. Layout from Xen's public arch-x86 hvm
 * start_info documentation. */
#include <stdint.h>
#include <kvm/bootinfo.h>
#include <kvm/errno.h>
#include <kvm/printk.h>

#define HVM_START_MAGIC 0x336ec578
#define HVM_MEMMAP_RAM  1

struct hvm_start_info {
	uint32_t magic;
	uint32_t version;
	uint32_t flags;
	uint32_t nr_modules;
	uint64_t modlist_paddr;
	uint64_t cmdline_paddr;
	uint64_t rsdp_paddr;
	uint64_t memmap_paddr; /* version >= 1 */
	uint32_t memmap_entries;
	uint32_t reserved;
};

struct hvm_modlist_entry {
	uint64_t paddr, size, cmdline_paddr, reserved;
};

struct hvm_memmap_entry {
	uint64_t addr, size;
	uint32_t type, reserved;
};

uint64_t kvm_bootinfo_rsdp;

static int parse_memmap(const struct hvm_start_info *si)
{
	const struct hvm_memmap_entry *e = (const void *)(uintptr_t)si->memmap_paddr;
	uint32_t i;
	int rc;

	if (si->version < 1 || !si->memmap_paddr || !si->memmap_entries) {
		kvm_crit("pvh: start_info v%u has no memory map\n", si->version);
		return -EINVAL;
	}
	for (i = 0; i < si->memmap_entries; i++) {
		if (e[i].type != HVM_MEMMAP_RAM || !e[i].size)
			continue;
		rc = kvm_mem_add_ram(e[i].addr, e[i].size);
		if (rc)
			return rc;
	}
	return 0;
}

static int parse_modules(const struct hvm_start_info *si)
{
	const struct hvm_modlist_entry *m = (const void *)(uintptr_t)si->modlist_paddr;
	uint32_t i;
	int rc;

	for (i = 0; i < si->nr_modules; i++) {
		if (!m[i].size)
			continue;
		rc = kvm_mem_reserve(m[i].paddr, m[i].size, UKPLAT_MEMRT_INITRD, "initrd");
		if (rc)
			return rc;
	}
	return 0;
}

int kvm_pvh_parse(uint32_t info)
{
	const struct hvm_start_info *si = (const void *)(uintptr_t)info;
	int rc;

	if (si->magic != HVM_START_MAGIC) {
		kvm_crit("pvh: bad start_info magic 0x%x\n", si->magic);
		return -EINVAL;
	}
	rc = parse_memmap(si);
	if (rc)
		return rc;
	if (si->nr_modules && si->modlist_paddr) {
		rc = parse_modules(si);
		if (rc)
			return rc;
	}
	kvm_bootinfo_rsdp = si->rsdp_paddr;
	kvm_cmdline_set(si->cmdline_paddr ? (const char *)(uintptr_t)si->cmdline_paddr : "", 0);
	return 0;
}
