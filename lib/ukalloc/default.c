/* SPDX-License-Identifier: BSD-3-Clause */
/* The default allocator: the one uk_malloc_default(), libc malloc and the
 * scheduler use unless told otherwise. Set once by the boot code. */
#include <uk/alloc.h>

static struct uk_alloc *uk_alloc_default;

struct uk_alloc *uk_alloc_get_default(void)
{
	return uk_alloc_default;
}

void uk_alloc_set_default(struct uk_alloc *a)
{
	uk_alloc_default = a;
}
