/* SPDX-License-Identifier: BSD-3-Clause */
/* Extraction through the VFS, after the whole archive was validated */
#include <errno.h>
#include <string.h>
#include <uk/alloc.h>
#include <uk/print.h>
#include <uk/vfs.h>
#include "cpio_impl.h"

#define CWD UK_AT_FDCWD

struct ctx {
	const char *dest;
	char *path;   /* UK_VFS_PATH_MAX bytes: dest + "/" + member name */
	char *target; /* symlink targets */
	struct ukcpio_links *links;
	size_t files, bytes;
};

static int set_attrs(const char *path, const struct ukcpio_entry *e, int nofollow)
{
	struct uk_timespec ts[2] = {{e->mtime, 0}, {e->mtime, 0}};
	int fl = nofollow ? UK_AT_SYMLINK_NOFOLLOW : 0;
	int rc = 0;

	/* the umask applied at creation: the archive's mode is what counts */
	if (!nofollow)
		rc = uk_vfs_fchmodat(CWD, path, e->mode & UK_S_IPERM, 0);
	if (rc == 0)
		rc = uk_vfs_fchownat(CWD, path, e->uid, e->gid, fl);
	if (rc == 0)
		rc = uk_vfs_utimensat(CWD, path, ts, fl);
	return rc;
}

static int make_dir(struct ctx *c, const struct ukcpio_entry *e)
{
	struct uk_stat st;
	int rc;

	uk_pr_debug("Creating directory %s\n", c->path);
	rc = uk_vfs_mkdirat(CWD, c->path, e->mode & UK_S_IPERM);
	if (rc == -EEXIST) {
		/* "." or a directory listed twice: keep it, take the archive's mode */
		rc = uk_vfs_fstatat(CWD, c->path, &st, UK_AT_SYMLINK_NOFOLLOW);
		if (rc == 0 && !UK_S_ISDIR(st.st_mode))
			rc = -ENOTDIR;
	}
	return rc ? rc : set_attrs(c->path, e, 0);
}

static int write_data(const char *path, const struct ukcpio_entry *e, int flags)
{
	int fd = uk_vfs_openat(CWD, path, UK_O_WRONLY | UK_O_TRUNC | flags, e->mode & UK_S_IPERM);
	const char *p = e->data;
	uint64_t left = e->size;
	int rc = 0;

	if (fd < 0)
		return fd;
	while (left && rc == 0) {
		ssize_t n = uk_vfs_write(fd, p, left);

		if (n <= 0)
			rc = n ? (int)n : -EIO;
		else {
			p += n;
			left -= (uint64_t)n;
		}
	}
	uk_vfs_close(fd);
	return rc;
}

/* a later member of a hard-link set */
static int make_link(struct ctx *c, const struct ukcpio_entry *e, const char *first)
{
	int rc = uk_vfs_unlinkat(CWD, c->path, 0);

	if (rc && rc != -ENOENT)
		return rc;
	uk_pr_debug("Linking %s to %s\n", c->path, first);
	rc = uk_vfs_linkat(CWD, first, CWD, c->path, 0);
	if (rc == 0 && e->size)
		rc = write_data(c->path, e, 0);
	return rc ? rc : set_attrs(c->path, e, 0);
}

static int make_file(struct ctx *c, const struct ukcpio_entry *e)
{
	const char *first = e->nlink > 1 ? ukcpio_links_find(c->links, e) : NULL;
	int rc;

	if (first)
		return make_link(c, e, first);
	uk_pr_debug("Extracting %s (%llu bytes)\n", c->path, (unsigned long long)e->size);
	rc = write_data(c->path, e, UK_O_CREAT);
	if (rc == 0 && e->nlink > 1)
		rc = ukcpio_links_add(c->links, e, c->path);
	if (rc == 0) {
		c->files++;
		c->bytes += e->size;
	}
	return rc ? rc : set_attrs(c->path, e, 0);
}

static int make_symlink(struct ctx *c, const struct ukcpio_entry *e)
{
	int rc;

	if (e->size == 0 || e->size >= UK_VFS_PATH_MAX || memchr(e->data, '\0', e->size))
		return -EINVAL;
	memcpy(c->target, e->data, e->size);
	c->target[e->size] = '\0';
	rc = uk_vfs_unlinkat(CWD, c->path, 0);
	if (rc && rc != -ENOENT)
		return rc;
	uk_pr_debug("Creating symlink %s -> %s\n", c->path, c->target);
	rc = uk_vfs_symlinkat(c->target, CWD, c->path);
	return rc ? rc : set_attrs(c->path, e, 1);
}

static int extract_one(struct ctx *c, const struct ukcpio_entry *e)
{
	switch (e->mode & UK_S_IFMT) {
	case UK_S_IFDIR:
		return make_dir(c, e);
	case UK_S_IFREG:
		return make_file(c, e);
	case UK_S_IFLNK:
		return make_symlink(c, e);
	case UK_S_IFIFO:
		return uk_vfs_mknodat(CWD, c->path, e->mode, 0);
	default:
		/* devices and sockets mean nothing without drivers behind them */
		uk_pr_warn("cpio: skipping %s (type %o) at offset %zu\n", c->path,
		           e->mode & UK_S_IFMT, e->off);
		return 0;
	}
}

static int build_path(struct ctx *c, const struct ukcpio_entry *e)
{
	size_t dl = strlen(c->dest);
	const char *name = e->name;

	while (*name == '/')
		name++;
	if (dl + 1 + strlen(name) >= UK_VFS_PATH_MAX)
		return -ENAMETOOLONG;
	memcpy(c->path, c->dest, dl);
	/* "/" + "./etc" gives "/./etc", as the tutorial's log shows */
	if (!dl || c->dest[dl - 1] != '/')
		c->path[dl++] = '/';
	strcpy(c->path + dl, name);
	return 0;
}

typedef int (*entry_fn)(struct ctx *c, const struct ukcpio_entry *e);

static int each_entry(struct ctx *c, const void *buf, size_t len, entry_fn fn)
{
	struct ukcpio_entry e;
	size_t pos = 0;
	int rc;

	while ((rc = ukcpio_next(buf, len, &pos, &e)) == 1) {
		rc = build_path(c, &e);
		if (rc == 0)
			rc = fn(c, &e);
		if (rc) {
			uk_pr_err("cpio: cannot extract \"%s\" (member at offset %zu): %d\n",
			          e.name, e.off, rc);
			return rc;
		}
	}
	return rc;
}

/* directories last: extracting their contents changed their mtime */
static int dir_times(struct ctx *c, const struct ukcpio_entry *e)
{
	struct uk_timespec ts[2] = {{e->mtime, 0}, {e->mtime, 0}};

	return UK_S_ISDIR(e->mode) ? uk_vfs_utimensat(CWD, c->path, ts, 0) : 0;
}

int ukcpio_extract(const void *buf, size_t len, const char *dest)
{
	struct uk_alloc *a = uk_alloc_get_default();
	struct ctx c = {dest, NULL, NULL, NULL, 0, 0};
	size_t bad;
	int rc = ukcpio_validate(buf, len, &bad);

	if (rc)
		return rc;
	c.path = uk_malloc(a, UK_VFS_PATH_MAX);
	c.target = uk_malloc(a, UK_VFS_PATH_MAX);
	c.links = ukcpio_links_new();
	if (!c.path || !c.target || !c.links)
		rc = -ENOMEM;
	if (rc == 0)
		rc = each_entry(&c, buf, len, extract_one);
	if (rc == 0)
		rc = each_entry(&c, buf, len, dir_times);
	if (rc == 0)
		uk_pr_info("cpio: extracted %zu files (%zu bytes) to %s\n", c.files, c.bytes, dest);
	ukcpio_links_free(c.links);
	uk_free(a, c.target);
	uk_free(a, c.path);
	return rc;
}
