/* SPDX-License-Identifier: BSD-3-Clause */
/* Boot memory map and page protection (contracts.md sections 4 and 6.1) */
#ifndef UK_PLAT_MEMORY_H
#define UK_PLAT_MEMORY_H

#include <stdint.h>

struct ukplat_memregion {
	uint64_t pbase, len;
	uint16_t type;
	uint16_t flags;
	const char *name;
};

#define UKPLAT_MEMRT_FREE     1 /* usable RAM, not used by anything yet */
#define UKPLAT_MEMRT_KERNEL   2 /* image */
#define UKPLAT_MEMRT_RESERVED 3
#define UKPLAT_MEMRT_INITRD   4 /* boot module (QEMU -initrd) */
#define UKPLAT_MEMRT_CMDLINE  5
#define UKPLAT_MEMRT_STACK    6

int ukplat_memregion_count(void);
/* 0, or -EINVAL when i is out of range or out is NULL */
int ukplat_memregion_get(int i, struct ukplat_memregion *out);

#define UKPLAT_PROT_NONE  0
#define UKPLAT_PROT_READ  1
#define UKPLAT_PROT_WRITE 2
#define UKPLAT_PROT_EXEC  4

/*
 * Changes the protection of npages 4 KiB pages starting at the page aligned
 * vaddr. PROT_NONE unmaps them (guard pages). Returns 0, or -EINVAL for an
 * unaligned/out-of-range request, -ENOMEM when no page table is left.
 */
int ukplat_page_set_prot(unsigned long vaddr, unsigned long npages, int prot);

#endif /* UK_PLAT_MEMORY_H */
