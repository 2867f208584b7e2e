/* SPDX-License-Identifier: BSD-3-Clause */
/* <strings.h>: case-insensitive comparison (ASCII) and ffs */
#include <strings.h>
#include <ctype.h>

int strncasecmp(const char *a, const char *b, size_t n)
{
	for (; n; n--, a++, b++) {
		int x = tolower((unsigned char)*a), y = tolower((unsigned char)*b);

		if (x != y)
			return x - y;
		if (!x)
			break;
	}
	return 0;
}

int strcasecmp(const char *a, const char *b)
{
	return strncasecmp(a, b, (size_t)-1);
}

int ffs(int i)
{
	return __builtin_ffs(i);
}
