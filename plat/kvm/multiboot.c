/* SPDX-License-Identifier: BSD-3-Clause */
/* Multiboot v1 information (QEMU -kernel on -M pc): memory map, modules,
 * command line. Field layout from the Multiboot 0.6.96 specification. */
#include <stdint.h>
#include <kvm/bootinfo.h>
#include <kvm/errno.h>
#include <kvm/printk.h>

#define MB_INFO_CMDLINE (1U << 2)
#define MB_INFO_MODS    (1U << 3)
#define MB_INFO_MMAP    (1U << 6)
#define MB_MMAP_RAM     1

struct mb_info {
	uint32_t flags;
	uint32_t mem_lower, mem_upper;
	uint32_t boot_device;
	uint32_t cmdline;
	uint32_t mods_count, mods_addr;
	uint32_t syms[4];
	uint32_t mmap_length, mmap_addr;
} __attribute__((packed));

struct mb_mmap_entry {
	uint32_t size; /* of the rest of the entry */
	uint64_t addr, len;
	uint32_t type;
} __attribute__((packed));

struct mb_module {
	uint32_t mod_start, mod_end;
	uint32_t string;
	uint32_t reserved;
} __attribute__((packed));

static int parse_mmap(const struct mb_info *mbi)
{
	uintptr_t p = mbi->mmap_addr;
	uintptr_t end = p + mbi->mmap_length;
	int rc;

	while (p + sizeof(struct mb_mmap_entry) <= end) {
		const struct mb_mmap_entry *e = (const void *)p;

		if (e->type == MB_MMAP_RAM && e->len) {
			rc = kvm_mem_add_ram(e->addr, e->len);
			if (rc)
				return rc;
		}
		p += e->size + sizeof(e->size);
	}
	return 0;
}

static int parse_modules(const struct mb_info *mbi)
{
	const struct mb_module *m = (const void *)(uintptr_t)mbi->mods_addr;
	uint32_t i;
	int rc;

	for (i = 0; i < mbi->mods_count; i++) {
		if (m[i].mod_end <= m[i].mod_start)
			continue;
		rc = kvm_mem_reserve(m[i].mod_start, m[i].mod_end - m[i].mod_start,
		                     UKPLAT_MEMRT_INITRD, "initrd");
		if (rc)
			return rc;
	}
	return 0;
}

int kvm_multiboot_parse(uint32_t info)
{
	const struct mb_info *mbi = (const void *)(uintptr_t)info;
	int rc;

	if (!(mbi->flags & MB_INFO_MMAP)) {
		kvm_crit("multiboot: the loader gave no memory map\n");
		return -EINVAL;
	}
	rc = parse_mmap(mbi);
	if (rc)
		return rc;
	if (mbi->flags & MB_INFO_MODS) {
		rc = parse_modules(mbi);
		if (rc)
			return rc;
	}
	kvm_cmdline_set((mbi->flags & MB_INFO_CMDLINE) ? (const char *)(uintptr_t)mbi->cmdline : "",
	                1);
	return 0;
}
