/* SPDX-License-Identifier: BSD-3-Clause */
#ifndef NOLIBC_STRINGS_H
#define NOLIBC_STRINGS_H

#include <stddef.h>

int strcasecmp(const char *a, const char *b);
int strncasecmp(const char *a, const char *b, size_t n);
int ffs(int i);

#endif /* NOLIBC_STRINGS_H */
