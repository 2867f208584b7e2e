/* SPDX-License-Identifier: BSD-3-Clause */
/* The name space: directories, listing, rename, links, symlinks, cwd, limits */
#include <uk/test.h>
#include "vt.h"

#define CWD UK_AT_FDCWD

UK_TESTCASE(vfscore_names, mkdir_rmdir_unlink_errors)
{
	VT_BEGIN();
	struct uk_stat st;

	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_mkdirat(CWD, "d", 0755), 0);
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_mkdirat(CWD, "d", 0755), -EEXIST);
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_mkdirat(CWD, "d/e/", 0755), 0);
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_mkdirat(CWD, "x/y", 0755), -ENOENT);
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_fstatat(CWD, "d", &st, 0), 0);
	UK_TEST_EXPECT_UNUM_EQ(st.st_nlink, 3); /* ".", its name, and e's ".." */
	UK_TEST_EXPECT(UK_S_ISDIR(st.st_mode));
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_unlinkat(CWD, "d", UK_AT_REMOVEDIR), -ENOTEMPTY);
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_unlinkat(CWD, "d/e", 0), -EISDIR);
	UK_TEST_ASSERT(vt_put("d/f", "") == 0);
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_unlinkat(CWD, "d/f", UK_AT_REMOVEDIR), -ENOTDIR);
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_unlinkat(CWD, "d/f/", 0), -EISDIR);
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_unlinkat(CWD, "d/f", 0), 0);
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_unlinkat(CWD, "d/f", 0), -ENOENT);
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_unlinkat(CWD, "d/e/.", UK_AT_REMOVEDIR), -EINVAL);
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_unlinkat(CWD, "d/e", UK_AT_REMOVEDIR), 0);
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_unlinkat(CWD, "d", UK_AT_REMOVEDIR), 0);
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_unlinkat(CWD, "d", 0x8000), -EINVAL);
	VT_END();
}

/* finds every name once in a listing read in small pieces */
static int list_dir(const char *path, int nfiles, size_t bufsize, int *dots)
{
	static char seen[1000];
	char buf[512];
	int fd = uk_vfs_openat(UK_AT_FDCWD, path, UK_O_RDONLY | UK_O_DIRECTORY, 0);
	int found = 0;
	ssize_t n;

	if (fd < 0)
		return fd;
	memset(seen, 0, sizeof(seen));
	*dots = 0;
	while ((n = uk_vfs_getdents64(fd, buf, bufsize)) > 0) {
		for (ssize_t off = 0; off < n;) {
			struct uk_dirent64 *d = (struct uk_dirent64 *)(buf + off);
			int i = 0;

			if (!strcmp(d->d_name, ".") || !strcmp(d->d_name, ".."))
				(*dots)++;
			else if (d->d_name[0] == 'f' && d->d_type == UK_DT_REG) {
				for (const char *p = d->d_name + 1; *p; p++)
					i = i * 10 + (*p - '0');
				if (i < nfiles && !seen[i]++)
					found++;
			}
			off += d->d_reclen;
		}
	}
	uk_vfs_close(fd);
	return n < 0 ? (int)n : found;
}

UK_TESTCASE(vfscore_names, getdents64_lists_everything_once)
{
	VT_BEGIN();
	char name[16];
	int dots, fd;
	char tiny[8];

	UK_TEST_ASSERT(uk_vfs_mkdirat(CWD, "d", 0755) == 0);
	for (int i = 0; i < 300; i++) {
		vt_numname(name, "d/f", i);
		UK_TEST_ASSERT(vt_put(name, "x") == 0);
	}
	UK_TEST_EXPECT_SNUM_EQ(list_dir("d", 300, 100, &dots), 300);
	UK_TEST_EXPECT_SNUM_EQ(dots, 2);
	UK_TEST_EXPECT_SNUM_EQ(list_dir("d", 300, 512, &dots), 300);
	fd = uk_vfs_openat(CWD, "d", UK_O_RDONLY, 0);
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_getdents64(fd, tiny, sizeof(tiny)), -EINVAL);
	uk_vfs_close(fd);
	fd = uk_vfs_openat(CWD, "d/f1", UK_O_RDONLY, 0);
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_getdents64(fd, tiny, sizeof(tiny)), -ENOTDIR);
	uk_vfs_close(fd);
	VT_END();
}

UK_TESTCASE(vfscore_names, rename_cases)
{
	VT_BEGIN();
	char buf[8];

	UK_TEST_ASSERT(vt_put("a", "A") == 0 && vt_put("b", "B") == 0);
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_renameat(CWD, "a", CWD, "b"), 0);
	UK_TEST_EXPECT_SNUM_EQ(vt_get("b", buf, sizeof(buf)), 1);
	UK_TEST_EXPECT_STR_EQ(buf, "A");
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_openat(CWD, "a", UK_O_RDONLY, 0), -ENOENT);
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_renameat(CWD, "a", CWD, "c"), -ENOENT);
	UK_TEST_ASSERT(uk_vfs_mkdirat(CWD, "d", 0755) == 0 && uk_vfs_mkdirat(CWD, "d/s", 0) == 0);
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_renameat(CWD, "d", CWD, "d/s/x"), -EINVAL);
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_renameat(CWD, "b", CWD, "d"), -EISDIR);
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_renameat(CWD, "d", CWD, "b"), -ENOTDIR);
	UK_TEST_ASSERT(uk_vfs_mkdirat(CWD, "e", 0755) == 0);
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_renameat(CWD, "e", CWD, "d"), -ENOTEMPTY);
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_renameat(CWD, "d", CWD, "e"), 0); /* over an empty dir */
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_renameat(CWD, "b", CWD, "e/s/b"), 0);
	UK_TEST_EXPECT_SNUM_EQ(vt_get("e/s/b", buf, sizeof(buf)), 1);
	/* ".." of a moved directory is its new parent */
	UK_TEST_EXPECT_SNUM_EQ(vt_get("e/s/../s/b", buf, sizeof(buf)), 1);
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_renameat(CWD, "e/s/b", CWD, "/b-elsewhere"), -EXDEV);
	VT_END();
}

UK_TESTCASE(vfscore_names, symlinks)
{
	VT_BEGIN();
	char buf[64] = {0};
	struct uk_stat st;

	UK_TEST_ASSERT(uk_vfs_mkdirat(CWD, "d", 0755) == 0 && vt_put("d/f", "payload") == 0);
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_symlinkat("d/f", CWD, "rel"), 0);
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_symlinkat("/vt/d", CWD, "abs"), 0);
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_symlinkat("missing", CWD, "dangling"), 0);
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_symlinkat("loop2", CWD, "loop1"), 0);
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_symlinkat("loop1", CWD, "loop2"), 0);
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_symlinkat("x", CWD, "rel"), -EEXIST);
	UK_TEST_EXPECT_SNUM_EQ(vt_get("rel", buf, sizeof(buf)), 7);
	UK_TEST_EXPECT_SNUM_EQ(vt_get("abs/f", buf, sizeof(buf)), 7);
	UK_TEST_EXPECT_SNUM_EQ(vt_get("abs/../rel", buf, sizeof(buf)), 7);
	UK_TEST_EXPECT_SNUM_EQ(vt_get("dangling", buf, sizeof(buf)), -ENOENT);
	UK_TEST_EXPECT_SNUM_EQ(vt_get("loop1", buf, sizeof(buf)), -ELOOP);
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_openat(CWD, "rel", UK_O_RDONLY | UK_O_NOFOLLOW, 0), -ELOOP);
	memset(buf, 0, sizeof(buf));
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_readlinkat(CWD, "abs", buf, sizeof(buf)), 5);
	UK_TEST_EXPECT_STR_EQ(buf, "/vt/d");
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_readlinkat(CWD, "abs", buf, 2), 2);
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_readlinkat(CWD, "d/f", buf, sizeof(buf)), -EINVAL);
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_fstatat(CWD, "rel", &st, UK_AT_SYMLINK_NOFOLLOW), 0);
	UK_TEST_EXPECT(UK_S_ISLNK(st.st_mode) && st.st_size == 3);
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_fstatat(CWD, "rel", &st, 0), 0);
	UK_TEST_EXPECT(UK_S_ISREG(st.st_mode) && st.st_size == 7);
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_unlinkat(CWD, "abs", 0), 0); /* removes the link only */
	UK_TEST_EXPECT_SNUM_EQ(vt_get("d/f", buf, sizeof(buf)), 7);
	VT_END();
}

UK_TESTCASE(vfscore_names, hard_links)
{
	VT_BEGIN();
	char buf[8];
	struct uk_stat st;

	UK_TEST_ASSERT(vt_put("a", "one") == 0 && uk_vfs_mkdirat(CWD, "d", 0755) == 0);
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_linkat(CWD, "a", CWD, "b", 0), 0);
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_linkat(CWD, "a", CWD, "b", 0), -EEXIST);
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_linkat(CWD, "d", CWD, "d2", 0), -EPERM);
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_fstatat(CWD, "b", &st, 0), 0);
	UK_TEST_EXPECT_UNUM_EQ(st.st_nlink, 2);
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_unlinkat(CWD, "a", 0), 0);
	UK_TEST_EXPECT_SNUM_EQ(vt_get("b", buf, sizeof(buf)), 3);
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_fstatat(CWD, "b", &st, 0), 0);
	UK_TEST_EXPECT_UNUM_EQ(st.st_nlink, 1);
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_linkat(CWD, "b", CWD, "/elsewhere", 0), -EXDEV);
	VT_END();
}

UK_TESTCASE(vfscore_names, cwd_and_dotdot)
{
	VT_BEGIN();
	char buf[64];
	int fd;

	UK_TEST_ASSERT(uk_vfs_mkdirat(CWD, "a", 0755) == 0 && uk_vfs_mkdirat(CWD, "a/b", 0) == 0);
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_getcwd(buf, sizeof(buf)), 4);
	UK_TEST_EXPECT_STR_EQ(buf, "/vt");
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_chdir("a/b"), 0);
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_getcwd(buf, sizeof(buf)), 8);
	UK_TEST_EXPECT_STR_EQ(buf, "/vt/a/b");
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_getcwd(buf, 5), -ERANGE);
	UK_TEST_ASSERT(vt_put("../f", "up") == 0);
	UK_TEST_EXPECT_SNUM_EQ(vt_get("/vt/a/f", buf, sizeof(buf)), 2);
	UK_TEST_EXPECT_SNUM_EQ(vt_get("../../../../vt/a/./f", buf, sizeof(buf)), 2);
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_chdir("../f"), -ENOTDIR);
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_chdir("/"), 0);
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_getcwd(buf, sizeof(buf)), 2);
	UK_TEST_EXPECT_STR_EQ(buf, "/");
	fd = uk_vfs_openat(CWD, "/vt/a", UK_O_RDONLY | UK_O_DIRECTORY, 0);
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_fchdir(fd), 0);
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_openat(fd, "b/../f", UK_O_RDONLY, 0), fd + 1);
	uk_vfs_close(fd + 1);
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_getcwd(buf, sizeof(buf)), 6);
	UK_TEST_EXPECT_STR_EQ(buf, "/vt/a");
	uk_vfs_close(fd);
	VT_END();
}

UK_TESTCASE(vfscore_names, removed_cwd)
{
	VT_BEGIN();
	char buf[64];

	UK_TEST_ASSERT(uk_vfs_mkdirat(CWD, "gone", 0755) == 0);
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_chdir("gone"), 0);
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_unlinkat(CWD, "../gone", UK_AT_REMOVEDIR), 0);
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_getcwd(buf, sizeof(buf)), -ENOENT);
	UK_TEST_EXPECT_SNUM_EQ(vt_put("new", "x"), -ENOENT);
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_mkdirat(CWD, "sub", 0755), -ENOENT);
	VT_END();
}

UK_TESTCASE(vfscore_names, path_limits)
{
	VT_BEGIN();
	static char longname[300], longpath[UK_VFS_PATH_MAX + 10];

	memset(longname, 'n', 256);
	UK_TEST_EXPECT_SNUM_EQ(vt_put(longname, "x"), -ENAMETOOLONG);
	longname[255] = 0;
	UK_TEST_EXPECT_SNUM_EQ(vt_put(longname, "x"), 0); /* 255 is allowed */
	memset(longpath, '/', UK_VFS_PATH_MAX + 5);
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_openat(CWD, longpath, UK_O_RDONLY, 0), -ENAMETOOLONG);
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_openat(CWD, "", UK_O_RDONLY, 0), -ENOENT);
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_openat(CWD, NULL, UK_O_RDONLY, 0), -EFAULT);
	UK_TEST_ASSERT(vt_put("f", "x") == 0);
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_openat(CWD, "f/", UK_O_RDONLY, 0), -ENOTDIR);
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_openat(77, "f", UK_O_RDONLY, 0), -EBADF);
	VT_END();
}

UK_TESTCASE(vfscore_names, mount_points)
{
	VT_BEGIN();
	char buf[16];
	struct uk_stat st;

	UK_TEST_ASSERT(uk_vfs_mkdirat(CWD, "m", 0755) == 0 && vt_put("m/under", "u") == 0);
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_mount("", "/vt/m", "ramfs", 0, ""), 0);
	UK_TEST_EXPECT_SNUM_EQ(vt_get("m/under", buf, sizeof(buf)), -ENOENT);
	UK_TEST_ASSERT(vt_put("m/over", "o") == 0);
	UK_TEST_EXPECT_SNUM_EQ(vt_get("m/../m/over", buf, sizeof(buf)), 1);
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_chdir("m"), 0);
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_getcwd(buf, sizeof(buf)), 6);
	UK_TEST_EXPECT_STR_EQ(buf, "/vt/m");
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_umount("/vt/m"), -EBUSY); /* it is the cwd */
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_chdir(".."), 0);
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_unlinkat(CWD, "m", UK_AT_REMOVEDIR), -EBUSY);
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_renameat(CWD, "m", CWD, "m2"), -EBUSY);
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_umount("/vt/m"), 0);
	UK_TEST_EXPECT_SNUM_EQ(vt_get("m/under", buf, sizeof(buf)), 1);
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_umount("/vt/m"), -EINVAL);
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_mount("", "/vt/m", "nosuchfs", 0, ""), -ENODEV);
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_mount("", "/vt/m/under", "ramfs", 0, ""), -ENOTDIR);
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_mount("", "relative", "ramfs", 0, ""), -EINVAL);
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_fstatat(CWD, "m", &st, 0), 0);
	VT_END();
}
