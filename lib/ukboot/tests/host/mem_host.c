/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Host test of ukboot_init_memory() against a fake memory map: which
 * regions reach the allocator, page 0 left out, no free memory -> -ENOMEM.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <uk/alloc.h>
#include <uk/allocbbuddy.h>
#include <uk/plat/memory.h>
#include "boot.h"

static struct ukplat_memregion map[8];
static int nmap;
static struct uk_alloc fake;
static char calls[512];
static struct uk_alloc *deflt;

int ukplat_memregion_count(void)
{
	return nmap;
}

int ukplat_memregion_get(int i, struct ukplat_memregion *out)
{
	if (i < 0 || i >= nmap || !out)
		return -EINVAL;
	*out = map[i];
	return 0;
}

static void log_call(const char *what, void *base, size_t len)
{
	size_t l = strlen(calls);

	snprintf(calls + l, sizeof(calls) - l, "%s(%#lx,%#zx) ", what, (unsigned long)base, len);
}

struct uk_alloc *uk_allocbbuddy_init(void *base, size_t len)
{
	log_call("init", base, len);
	return len >= 0x10000 ? &fake : NULL; /* too small for its bookkeeping */
}

int uk_alloc_addmem(struct uk_alloc *a, void *base, size_t len)
{
	(void)a;
	log_call("add", base, len);
	return 0;
}

void uk_alloc_set_default(struct uk_alloc *a)
{
	deflt = a;
}

void _uk_printk(int lvl, const char *libname, const char *srcname, unsigned int line,
                const char *fmt, ...)
{
	(void)lvl, (void)libname, (void)srcname, (void)line, (void)fmt;
}

static int failures;

static void region(uint64_t base, uint64_t len, uint16_t type)
{
	map[nmap].pbase = base;
	map[nmap].len = len;
	map[nmap].type = type;
	nmap++;
}

static void expect(const char *name, int ret, int want_ret, const char *want_calls)
{
	if (ret != want_ret || strcmp(calls, want_calls)) {
		printf("FAIL ukboot.%s: ret %d (want %d), calls \"%s\" (want \"%s\")\n", name, ret,
		       want_ret, calls, want_calls);
		failures++;
	} else {
		printf("PASS ukboot.%s\n", name);
	}
	nmap = 0;
	calls[0] = '\0';
	deflt = NULL;
}

int main(void)
{
	int r;

	region(0x0, 0x800, UKPLAT_MEMRT_FREE);          /* inside page 0: dropped */
	region(0x0, 0x9f000, UKPLAT_MEMRT_FREE);        /* starts at 0: trimmed */
	region(0x100000, 0x80000, UKPLAT_MEMRT_KERNEL); /* not free */
	region(0x200000, 0x1000000, UKPLAT_MEMRT_FREE);
	region(0x1200000, 0, UKPLAT_MEMRT_FREE); /* empty */
	r = ukboot_init_memory();
	if (deflt != &fake) {
		printf("FAIL ukboot.memory_default_set: default allocator not set\n");
		failures++;
	} else {
		printf("PASS ukboot.memory_default_set\n");
	}
	expect("memory_regions", r, 0, "init(0x1000,0x9e000) add(0x200000,0x1000000) ");

	region(0x1000, 0x2000, UKPLAT_MEMRT_FREE); /* too small for the allocator */
	region(0x400000, 0x100000, UKPLAT_MEMRT_FREE);
	r = ukboot_init_memory();
	expect("memory_small_first_region_skipped", r, 0,
	       "init(0x1000,0x2000) init(0x400000,0x100000) ");

	region(0x100000, 0x80000, UKPLAT_MEMRT_KERNEL);
	r = ukboot_init_memory();
	expect("memory_none_free", r, -ENOMEM, "");
	return failures ? 1 : 0;
}
