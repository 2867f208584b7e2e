/* SPDX-License-Identifier: BSD-3-Clause */
/* read/write and their positioned and vectored variants, lseek, sendfile */
#include <errno.h>
#include "vfs_impl.h"
#include "vfs_os.h"

#define VFS_SSIZE_MAX ((size_t)INT64_MAX)

ssize_t uk_vfs_read(int fd, void *buf, size_t len)
{
	struct uk_file *f = uk_fdtab_get(fd);
	ssize_t n;

	if (!f)
		return -EBADF;
	n = vfs_file_read(f, buf, len, NULL);
	uk_file_release(f);
	return n;
}

ssize_t uk_vfs_write(int fd, const void *buf, size_t len)
{
	struct uk_file *f = uk_fdtab_get(fd);
	ssize_t n;

	if (!f)
		return -EBADF;
	n = vfs_file_write(f, buf, len, NULL);
	uk_file_release(f);
	return n;
}

static int seekable(const struct uk_file *f)
{
	uint32_t t = f->vn->mode & UK_S_IFMT;

	return t != UK_S_IFIFO && t != UK_S_IFSOCK && t != 0 && !(f->vn->vflags & UK_VNODE_NOSEEK);
}

ssize_t uk_vfs_pread(int fd, void *buf, size_t len, int64_t off)
{
	struct uk_file *f = uk_fdtab_get(fd);
	ssize_t n;

	if (!f)
		return -EBADF;
	n = seekable(f) ? vfs_file_read(f, buf, len, &off) : -ESPIPE;
	uk_file_release(f);
	return n;
}

ssize_t uk_vfs_pwrite(int fd, const void *buf, size_t len, int64_t off)
{
	struct uk_file *f = uk_fdtab_get(fd);
	ssize_t n;

	if (!f)
		return -EBADF;
	n = seekable(f) ? vfs_file_write(f, buf, len, &off) : -ESPIPE;
	uk_file_release(f);
	return n;
}

static int check_iov(const struct uk_iovec *iov, int cnt)
{
	size_t total = 0;

	if (cnt < 0 || cnt > UK_IOV_MAX)
		return -EINVAL;
	if (cnt && !iov)
		return -EFAULT;
	for (int i = 0; i < cnt; i++) {
		if (iov[i].iov_len > VFS_SSIZE_MAX - total)
			return -EINVAL;
		total += iov[i].iov_len;
	}
	return 0;
}

/* stops at the first short transfer; an error after some progress is dropped */
static ssize_t do_iov(int fd, const struct uk_iovec *iov, int cnt, int wr)
{
	struct uk_file *f;
	ssize_t total = 0;
	int rc = check_iov(iov, cnt);

	if (rc)
		return rc;
	f = uk_fdtab_get(fd);
	if (!f)
		return -EBADF;
	for (int i = 0; i < cnt; i++) {
		unsigned int saved = f->flags;
		ssize_t n;

		/* once a read got data it returns what is there, as Linux does,
		 * rather than block for the next buffer (musl's stdio reads into
		 * two); a non-blocking call cannot yield, so nobody else sees the
		 * flag, and a blocking write still writes everything */
		if (!wr && total > 0)
			f->flags |= UK_O_NONBLOCK;
		n = wr ? vfs_file_write(f, iov[i].iov_base, iov[i].iov_len, NULL)
		       : vfs_file_read(f, iov[i].iov_base, iov[i].iov_len, NULL);
		f->flags = saved;

		if (n < 0) {
			if (!total)
				total = n;
			break;
		}
		total += n;
		if ((size_t)n < iov[i].iov_len)
			break;
	}
	uk_file_release(f);
	return total;
}

ssize_t uk_vfs_readv(int fd, const struct uk_iovec *iov, int cnt)
{
	return do_iov(fd, iov, cnt, 0);
}

ssize_t uk_vfs_writev(int fd, const struct uk_iovec *iov, int cnt)
{
	return do_iov(fd, iov, cnt, 1);
}

static int64_t seek_file(struct uk_file *f, int64_t off, int whence)
{
	int64_t base;

	switch (whence) {
	case UK_SEEK_SET:
		base = 0;
		break;
	case UK_SEEK_CUR:
		base = f->off;
		break;
	case UK_SEEK_END:
		base = f->vn->size;
		break;
	default:
		return -EINVAL;
	}
	if ((off > 0 && base > INT64_MAX - off) || base + off < 0)
		return -EINVAL;
	f->off = base + off;
	/* directories: rewinding restarts getdents64 */
	if (UK_S_ISDIR(f->vn->mode) && f->off == 0)
		f->dircookie = 0;
	return f->off;
}

int64_t uk_vfs_lseek(int fd, int64_t off, int whence)
{
	struct uk_file *f = uk_fdtab_get(fd);
	int64_t rc;

	if (!f)
		return -EBADF;
	rc = seekable(f) ? seek_file(f, off, whence) : -ESPIPE;
	uk_file_release(f);
	return rc;
}

#define SENDFILE_CHUNK 4096

static ssize_t copy_loop(struct uk_file *out, struct uk_file *in, int64_t *off, size_t count,
                         char *buf)
{
	ssize_t total = 0;

	while ((size_t)total < count) {
		size_t want = count - (size_t)total;
		ssize_t r, w;

		if (want > SENDFILE_CHUNK)
			want = SENDFILE_CHUNK;
		r = vfs_file_read(in, buf, want, off);
		if (r <= 0)
			return total ? total : r;
		w = vfs_file_write(out, buf, (size_t)r, NULL);
		if (w < r) {
			/* give back what the destination did not take (a full
			 * non-blocking socket or pipe: -EAGAIN takes nothing) */
			int64_t back = r - (w < 0 ? 0 : w);

			if (off)
				*off -= back;
			else
				in->off -= back;
		}
		if (w < 0)
			return total ? total : w;
		total += w;
		if (w < r)
			break;
	}
	return total;
}

ssize_t uk_vfs_sendfile(int outfd, int infd, int64_t *off, size_t count)
{
	struct uk_file *in = uk_fdtab_get(infd), *out = uk_fdtab_get(outfd);
	char *buf = vfs_zalloc(SENDFILE_CHUNK);
	ssize_t rc;

	if (!in || !out)
		rc = -EBADF;
	else if (!buf)
		rc = -ENOMEM;
	else if (off && (*off < 0 || !seekable(in)))
		rc = *off < 0 ? -EINVAL : -ESPIPE;
	else
		rc = copy_loop(out, in, off, count, buf);
	vfs_free(buf);
	uk_file_release(in);
	uk_file_release(out);
	return rc;
}
