/* SPDX-License-Identifier: BSD-3-Clause */
/* Ending the program ends the VM */
#include <stdlib.h>
#include <stdio.h>
#include <uk/plat/bootstrap.h>

void exit(int status)
{
	ukplat_terminate(status);
}

void abort(void)
{
	fputs("abort() called\n", stderr);
	ukplat_crash();
}

void __nolibc_assert_fail(const char *expr, const char *file, int line, const char *func)
{
	fprintf(stderr, "Assertion failed: %s (%s: %s: %d)\n", expr, file, func, line);
	abort();
}
