/* SPDX-License-Identifier: BSD-3-Clause */
/* Default symbol lookup for crash reports: none. Kept alone in its file so
 * the compiler cannot fold the weak default into its callers. */
#include <stddef.h>
#include <uk/plat/bootstrap.h>

__attribute__((weak)) const char *ukplat_symbol_lookup(unsigned long addr, unsigned long *off)
{
	(void)addr;
	(void)off;
	return NULL;
}
