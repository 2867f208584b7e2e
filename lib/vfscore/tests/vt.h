/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Fixture for the file-system tests (vfscore, ramfs, devfs, ukcpio): each
 * case runs in a fresh ramfs mounted at /vt and made the working directory,
 * so the image's real root is never touched. vt_end() also reports a
 * descriptor leak (the count must be what it was at vt_begin()).
 */
#ifndef VT_H
#define VT_H

#include <errno.h>
#include <string.h>
#include <uk/vfs.h>

static inline int vt_begin(void)
{
	int rc;

	if (!uk_vfs_root_mounted()) {
		rc = uk_vfs_mount("", "/", "ramfs", 0, "");
		if (rc)
			return rc;
	}
	rc = uk_vfs_mkdirat(UK_AT_FDCWD, "/vt", 0755);
	if (rc && rc != -EEXIST)
		return rc;
	rc = uk_vfs_mount("", "/vt", "ramfs", 0, "");
	if (rc)
		return rc;
	rc = uk_vfs_chdir("/vt");
	return rc ? rc : uk_fdtab_count();
}

/* 0 if the case left everything as it found it */
static inline int vt_end(int fds)
{
	int now = uk_fdtab_count();
	int rc = uk_vfs_chdir("/");

	if (rc == 0)
		rc = uk_vfs_umount("/vt");
	return rc ? rc : (now == fds ? 0 : -EMFILE);
}

/* creates path with the given contents: 0 or negative errno */
static inline int vt_put(const char *path, const char *s)
{
	int fd = uk_vfs_openat(UK_AT_FDCWD, path, UK_O_WRONLY | UK_O_CREAT | UK_O_TRUNC, 0644);
	ssize_t n;

	if (fd < 0)
		return fd;
	n = uk_vfs_write(fd, s, strlen(s));
	uk_vfs_close(fd);
	return n == (ssize_t)strlen(s) ? 0 : (n < 0 ? (int)n : -EIO);
}

/* reads path into buf (NUL-terminated): length or negative errno */
static inline ssize_t vt_get(const char *path, char *buf, size_t len)
{
	int fd = uk_vfs_openat(UK_AT_FDCWD, path, UK_O_RDONLY, 0);
	ssize_t n, total = 0;

	if (fd < 0)
		return fd;
	while ((n = uk_vfs_read(fd, buf + total, len - 1 - (size_t)total)) > 0)
		total += n;
	uk_vfs_close(fd);
	buf[total] = '\0';
	return n < 0 ? n : total;
}

/* prefix followed by the decimal digits of i (no printf in every libc here) */
static inline void vt_numname(char *out, const char *prefix, unsigned int i)
{
	char digits[12];
	int n = 0;

	do {
		digits[n++] = (char)('0' + i % 10);
		i /= 10;
	} while (i);
	while (*prefix)
		*out++ = *prefix++;
	while (n)
		*out++ = digits[--n];
	*out = '\0';
}

#define VT_BEGIN()                                                                                 \
	int __vt_fds = vt_begin();                                                                 \
	UK_TEST_ASSERT(__vt_fds >= 0)
#define VT_END() UK_TEST_EXPECT_SNUM_EQ(vt_end(__vt_fds), 0)

#endif
