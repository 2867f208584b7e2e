/* SPDX-License-Identifier: BSD-3-Clause */
/* The system call table: dispatch, argument conversion, -ENOSYS and its warning */
#include <errno.h>
#include <stddef.h>
#include <string.h>
#include <uk/syscall.h>
#include <uk/test.h>
#include "shim.h"

/*
 * afs_syscall has no implementation in Linux either, so no library of ours
 * registers it: the test borrows its number to check that the generated
 * wrapper hands every argument over with its declared type.
 */
UK_SYSCALL_R_DEFINE(long, afs_syscall, int, a, unsigned char, b, const char *, s, long, d, short, e,
                    unsigned long, f)
{
	if (!s)
		return -EFAULT;
	return a + b + (long)strlen(s) + d + e + (long)f;
}

/* kexec_file_load makes no sense in a unikernel: nobody will implement it */
#define UNIMPLEMENTED_NR __NR_kexec_file_load

UK_TESTCASE(syscall_shim, registered_handler_gets_typed_args)
{
	/* the upper bits must be dropped by the int/uchar/short conversions */
	long r = uk_syscall(__NR_afs_syscall, 0x100000001L, 0x102, (long)"abc", 1000, 0x10005, 7);

	UK_TEST_EXPECT_SNUM_EQ(r, 1 + 2 + 3 + 1000 + 5 + 7);
	UK_TEST_EXPECT_SNUM_EQ(uk_syscall(__NR_afs_syscall, 0, 0, 0, 0, 0, 0), -EFAULT);
	UK_TEST_EXPECT(uk_syscall_handler(__NR_afs_syscall) == uk_syscall_r_afs_syscall);
}

UK_TESTCASE(syscall_shim, unknown_number_is_enosys_and_logged_once)
{
	UK_TEST_EXPECT_UNUM_EQ(uk_syscall_enosys_warned(UNIMPLEMENTED_NR), 0);
	UK_TEST_EXPECT_SNUM_EQ(uk_syscall(UNIMPLEMENTED_NR, 1, 2, 3, 4, 5, 6), -ENOSYS);
	UK_TEST_EXPECT_UNUM_EQ(uk_syscall_enosys_warned(UNIMPLEMENTED_NR), 1);
	/* still -ENOSYS the second time (only the log line is skipped) */
	UK_TEST_EXPECT_SNUM_EQ(uk_syscall(UNIMPLEMENTED_NR, 0, 0, 0, 0, 0, 0), -ENOSYS);
}

UK_TESTCASE(syscall_shim, out_of_range_numbers_are_enosys)
{
	UK_TEST_EXPECT_SNUM_EQ(uk_syscall(-1, 0, 0, 0, 0, 0, 0), -ENOSYS);
	UK_TEST_EXPECT_SNUM_EQ(uk_syscall(UK_SYSCALL_NR_LIMIT, 0, 0, 0, 0, 0, 0), -ENOSYS);
	UK_TEST_EXPECT_SNUM_EQ(uk_syscall(1L << 40, 0, 0, 0, 0, 0, 0), -ENOSYS);
	UK_TEST_EXPECT_NULL(uk_syscall_handler(-5));
}

UK_TESTCASE(syscall_shim, names)
{
	UK_TEST_EXPECT_STR_EQ(uk_syscall_name(0), "read");
	UK_TEST_EXPECT_STR_EQ(uk_syscall_name(__NR_exit_group), "exit_group");
	UK_TEST_EXPECT_STR_EQ(uk_syscall_name(9999), "<unknown>");
}

UK_TESTCASE(syscall_shim, errno_variant)
{
	errno = 0;
	UK_TEST_EXPECT_SNUM_EQ(uk_syscall_e(UNIMPLEMENTED_NR, 0, 0, 0, 0, 0, 0), -1);
	UK_TEST_EXPECT_SNUM_EQ(errno, ENOSYS);
	UK_TEST_EXPECT_SNUM_EQ(uk_syscall_e(__NR_afs_syscall, 1, 1, (long)"", 0, 0, 0), 2);
}
