/* SPDX-License-Identifier: BSD-3-Clause */
#include <unistd.h>
#include <errno.h>
#include <stdio.h>
#include "sleep.h"
#include "../stdio/stdio_impl.h"

int usleep(useconds_t usec)
{
	__nolibc_sleep_ns((uint64_t)usec * 1000ULL);
	return 0;
}

unsigned int sleep(unsigned int seconds)
{
	__nolibc_sleep_ns((uint64_t)seconds * 1000000000ULL);
	return 0;
}

ssize_t write(int fd, const void *buf, size_t n)
{
	FILE *f = fd == 1 ? stdout : fd == 2 ? stderr : NULL;

	if (!f) {
		errno = EBADF;
		return -1;
	}
	if (__nolibc_fwrite(f, buf, n)) {
		errno = EIO;
		return -1;
	}
	return (ssize_t)n;
}
