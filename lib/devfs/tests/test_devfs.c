/* SPDX-License-Identifier: BSD-3-Clause */
/* devfs: the devices behave as their names say; the directory is fixed */
#include <uk/config.h>
#include <uk/test.h>
#include "vt.h"

#define CWD UK_AT_FDCWD
#if CONFIG_LIBDEVFS_DEVSTDOUT
#define NAMED_DEVS 6 /* null zero random urandom console stdout */
#else
#define NAMED_DEVS 5
#endif

static int vt_devfs(void)
{
	int rc = uk_vfs_mkdirat(CWD, "dev", 0755);

	return rc ? rc : uk_vfs_mount("devfs", "/vt/dev", "devfs", 0, "");
}

UK_TESTCASE(devfs, null_and_zero)
{
	VT_BEGIN();
	char buf[16];
	int fd;

	UK_TEST_ASSERT(vt_devfs() == 0);
	fd = uk_vfs_openat(CWD, "dev/null", UK_O_RDWR, 0);
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_write(fd, "gone", 4), 4);
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_read(fd, buf, sizeof(buf)), 0);
	uk_vfs_close(fd);
	fd = uk_vfs_openat(CWD, "dev/zero", UK_O_RDONLY, 0);
	memset(buf, 'x', sizeof(buf));
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_read(fd, buf, sizeof(buf)), 16);
	UK_TEST_EXPECT(buf[0] == 0 && buf[15] == 0);
	uk_vfs_close(fd);
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_umount("/vt/dev"), 0);
	VT_END();
}

UK_TESTCASE(devfs, random_devices_differ)
{
	VT_BEGIN();
	unsigned char a[32] = {0}, b[32] = {0};
	int fd;
	int zero = 1;

	UK_TEST_ASSERT(vt_devfs() == 0);
	fd = uk_vfs_openat(CWD, "dev/urandom", UK_O_RDONLY, 0);
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_read(fd, a, sizeof(a)), 32);
	uk_vfs_close(fd);
	fd = uk_vfs_openat(CWD, "dev/random", UK_O_RDONLY, 0);
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_read(fd, b, sizeof(b)), 32);
	uk_vfs_close(fd);
	for (int i = 0; i < 32; i++)
		zero &= a[i] == 0;
	UK_TEST_EXPECT(!zero);
	UK_TEST_EXPECT(memcmp(a, b, sizeof(a)));
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_umount("/vt/dev"), 0);
	VT_END();
}

UK_TESTCASE(devfs, console_and_listing)
{
	VT_BEGIN();
	struct uk_winsize ws = {0};
	struct uk_stat st;
	char buf[512];
	int fd, found = 0;
	ssize_t n;

	UK_TEST_ASSERT(vt_devfs() == 0);
	fd = uk_vfs_openat(CWD, "dev/console", UK_O_WRONLY, 0);
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_write(fd, "devfs console test\n", 19), 19);
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_ioctl(fd, UK_TIOCGWINSZ, &ws), 0);
	UK_TEST_EXPECT(ws.ws_row > 0 && ws.ws_col > 0);
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_lseek(fd, 0, UK_SEEK_CUR), -ESPIPE); /* a terminal */
	uk_vfs_close(fd);
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_fstatat(CWD, "dev/null", &st, 0), 0);
	UK_TEST_EXPECT(UK_S_ISCHR(st.st_mode) && st.st_rdev == ((1 << 8) | 3));
	UK_TEST_EXPECT_SNUM_EQ(vt_put("dev/newfile", "x"), -EROFS);
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_mkdirat(CWD, "dev/d", 0755), -EPERM);
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_unlinkat(CWD, "dev/null", 0), -EPERM);
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_openat(CWD, "dev/nothing", UK_O_RDONLY, 0), -ENOENT);
	fd = uk_vfs_openat(CWD, "dev", UK_O_RDONLY | UK_O_DIRECTORY, 0);
	while ((n = uk_vfs_getdents64(fd, buf, sizeof(buf))) > 0)
		for (ssize_t off = 0; off < n;) {
			struct uk_dirent64 *d = (struct uk_dirent64 *)(buf + off);

			found += !strcmp(d->d_name, "null") || !strcmp(d->d_name, "zero") ||
			         !strcmp(d->d_name, "random") || !strcmp(d->d_name, "urandom") ||
			         !strcmp(d->d_name, "console") || !strcmp(d->d_name, "stdout");
			off += d->d_reclen;
		}
	uk_vfs_close(fd);
	UK_TEST_EXPECT_SNUM_EQ(found, NAMED_DEVS);
	UK_TEST_EXPECT_SNUM_EQ(vt_get("dev/../dev/zero/..", buf, 4), -ENOTDIR);
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_umount("/vt/dev"), 0);
	VT_END();
}
