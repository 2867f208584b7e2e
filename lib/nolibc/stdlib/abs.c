/* SPDX-License-Identifier: BSD-3-Clause */
#include <stdlib.h>

int abs(int v)
{
	return v < 0 ? -v : v;
}

long labs(long v)
{
	return v < 0 ? -v : v;
}

long long llabs(long long v)
{
	return v < 0 ? -v : v;
}
