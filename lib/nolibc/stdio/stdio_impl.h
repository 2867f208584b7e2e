/* SPDX-License-Identifier: BSD-3-Clause */
/* nolibc's private view of FILE */
#ifndef NOLIBC_STDIO_IMPL_H
#define NOLIBC_STDIO_IMPL_H

#include <stdio.h>
#include <uk/plat/console.h>

struct __nolibc_file {
	int fd; /* 0 = stdin (not writable), 1 = stdout, 2 = stderr */
};

/* 0, or -1 when f is not writable or the console failed */
int __nolibc_fwrite(FILE *f, const char *s, size_t len);

#endif /* NOLIBC_STDIO_IMPL_H */
