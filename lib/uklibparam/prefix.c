/* SPDX-License-Identifier: BSD-3-Clause */
/* A parameter's prefix: explicit, else its library's name without "lib" */
#include <uk/libparam.h>

const char *uk_libparam_prefix(const struct uk_libparam_desc *d)
{
	const char *n = d->libname;

	if (d->prefix)
		return d->prefix;
	if (n[0] == 'l' && n[1] == 'i' && n[2] == 'b' && n[3])
		return n + 3;
	return n;
}
