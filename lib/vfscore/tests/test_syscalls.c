/* SPDX-License-Identifier: BSD-3-Clause */
/* The file syscalls reach the VFS through the syscall table (Linux numbers) */
#include <uk/syscall.h>
#include <uk/test.h>
#include "vt.h"

#define SC(nr, a, b, c, d) uk_syscall(__NR_##nr, (long)(a), (long)(b), (long)(c), (long)(d), 0, 0)

UK_TESTCASE(vfscore_syscalls, open_write_read_stat_close)
{
	VT_BEGIN();
	char buf[16] = {0};
	struct uk_stat st;
	long fd = SC(openat, UK_AT_FDCWD, "f", UK_O_RDWR | UK_O_CREAT, 0600);

	UK_TEST_ASSERT(fd >= 0);
	UK_TEST_EXPECT_SNUM_EQ(SC(write, fd, "syscall", 7, 0), 7);
	UK_TEST_EXPECT_SNUM_EQ(SC(lseek, fd, 0, UK_SEEK_SET, 0), 0);
	UK_TEST_EXPECT_SNUM_EQ(SC(read, fd, buf, sizeof(buf), 0), 7);
	UK_TEST_EXPECT_STR_EQ(buf, "syscall");
	UK_TEST_EXPECT_SNUM_EQ(SC(fstat, fd, &st, 0, 0), 0);
	UK_TEST_EXPECT(st.st_size == 7 && st.st_mode == (UK_S_IFREG | 0600));
	UK_TEST_EXPECT_SNUM_EQ(SC(newfstatat, UK_AT_FDCWD, "f", &st, 0), 0);
	UK_TEST_EXPECT_SNUM_EQ(SC(read, fd, NULL, 5, 0), -EFAULT);
	UK_TEST_EXPECT_SNUM_EQ(SC(close, fd, 0, 0, 0), 0);
	UK_TEST_EXPECT_SNUM_EQ(SC(close, fd, 0, 0, 0), -EBADF);
	UK_TEST_EXPECT_SNUM_EQ(SC(open, "missing", UK_O_RDONLY, 0, 0), -ENOENT);
	VT_END();
}

UK_TESTCASE(vfscore_syscalls, names_and_dirs)
{
	VT_BEGIN();
	char buf[64] = {0};
	long fd;

	UK_TEST_EXPECT_SNUM_EQ(SC(mkdir, "d", 0755, 0, 0), 0);
	UK_TEST_EXPECT_SNUM_EQ(SC(symlink, "d", "l", 0, 0), 0);
	UK_TEST_EXPECT_SNUM_EQ(SC(readlink, "l", buf, sizeof(buf), 0), 1);
	UK_TEST_EXPECT_SNUM_EQ(SC(chdir, "l", 0, 0, 0), 0);
	UK_TEST_EXPECT_SNUM_EQ(SC(getcwd, buf, sizeof(buf), 0, 0), 6);
	UK_TEST_EXPECT_STR_EQ(buf, "/vt/d");
	UK_TEST_EXPECT_SNUM_EQ(SC(chdir, "/vt", 0, 0, 0), 0);
	fd = SC(open, "d", UK_O_RDONLY | UK_O_DIRECTORY, 0, 0);
	UK_TEST_EXPECT_SNUM_EQ(SC(getdents64, fd, buf, sizeof(buf), 0), 48); /* "." and ".." */
	SC(close, fd, 0, 0, 0);
	UK_TEST_EXPECT_SNUM_EQ(SC(rename, "d", "e", 0, 0), 0);
	UK_TEST_EXPECT_SNUM_EQ(SC(rmdir, "e", 0, 0, 0), 0);
	UK_TEST_EXPECT_SNUM_EQ(SC(unlink, "l", 0, 0, 0), 0);
	UK_TEST_EXPECT_SNUM_EQ(SC(access, "l", UK_F_OK, 0, 0), -ENOENT);
	UK_TEST_EXPECT_SNUM_EQ(SC(renameat2, UK_AT_FDCWD, "a", UK_AT_FDCWD, "b"), -ENOENT);
	VT_END();
}

UK_TESTCASE(vfscore_syscalls, pipes_dup_and_console)
{
	VT_BEGIN();
	int p[2];
	char buf[8] = {0};
	struct uk_winsize ws = {0};

	UK_TEST_ASSERT(SC(pipe2, p, UK_O_CLOEXEC, 0, 0) == 0);
	UK_TEST_EXPECT_SNUM_EQ(SC(dup2, p[1], 60, 0, 0), 60);
	UK_TEST_EXPECT_SNUM_EQ(SC(dup2, 60, 60, 0, 0), 60);
	UK_TEST_EXPECT_SNUM_EQ(SC(write, 60, "dup", 3, 0), 3);
	UK_TEST_EXPECT_SNUM_EQ(SC(read, p[0], buf, sizeof(buf), 0), 3);
	UK_TEST_EXPECT_SNUM_EQ(SC(fcntl, p[0], UK_F_GETFD, 0, 0), UK_FD_CLOEXEC);
	SC(close, 60, 0, 0, 0);
	SC(close, p[0], 0, 0, 0);
	SC(close, p[1], 0, 0, 0);
	/* descriptors 0-2 are the console from the lib init level on */
	UK_TEST_EXPECT_SNUM_EQ(SC(ioctl, 1, UK_TIOCGWINSZ, &ws, 0), 0);
	UK_TEST_EXPECT(ws.ws_col == 80);
	UK_TEST_EXPECT_SNUM_EQ(SC(write, 1, "", 0, 0), 0);
	UK_TEST_EXPECT_SNUM_EQ(SC(lseek, 2, 0, UK_SEEK_CUR, 0), -ESPIPE);
	VT_END();
}
