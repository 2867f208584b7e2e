/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Host build of in-kernel test cases: lib/uktest's own header, with the
 * registration redirected from the linker section to a constructor (a host
 * link has no .uk_testtab bounds). host_runner.c runs what registered.
 */
#include_next <uk/test.h>

#ifndef VFS_HOST_TEST_H
#define VFS_HOST_TEST_H
void host_test_add(const struct uk_testsuite *rec);
#undef UK_TEST_RECORD_
#define UK_TEST_RECORD_(suite, id, rec)                                                            \
	__attribute__((constructor)) static void id##_ctor(void)                                   \
	{                                                                                          \
		host_test_add(&(rec));                                                             \
	}
#endif
