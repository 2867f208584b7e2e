/* SPDX-License-Identifier: BSD-3-Clause */
/* The working directory, getcwd (computed by walking ".." upwards) and umask */
#include <errno.h>
#include <string.h>
#include "vfs_impl.h"
#include "vfs_os.h"

uint32_t vfs_umask = 022;

uint32_t uk_vfs_umask(uint32_t mask)
{
	uint32_t old = vfs_umask;

	vfs_umask = mask & 0777;
	return old;
}

static int set_cwd(struct uk_vnode *vn)
{
	if (!UK_S_ISDIR(vn->mode)) {
		uk_vnode_release(vn);
		return -ENOTDIR;
	}
	uk_vnode_release(vfs_cwd);
	vfs_cwd = vn;
	return 0;
}

int uk_vfs_chdir(const char *path)
{
	struct uk_vnode *vn;
	int rc = vfs_lookupat(UK_AT_FDCWD, path, VFS_FOLLOW, &vn);

	return rc ? rc : set_cwd(vn);
}

int uk_vfs_fchdir(int fd)
{
	struct uk_vnode *vn;
	int rc;

	if (fd < 0)
		return -EBADF;
	rc = vfs_start_dir(fd, NULL, &vn);
	return rc ? rc : set_cwd(vn);
}

/* the name under which `dir`'s parent lists `child` */
static int name_in(struct uk_vnode *dir, struct uk_vnode *child, struct uk_vfs_dirent *d)
{
	uint64_t cookie = 0;
	int rc;

	while ((rc = dir->ops->readdir(dir, &cookie, d)) == 1) {
		struct uk_vnode *vn;

		if (!strcmp(d->name, ".") || !strcmp(d->name, ".."))
			continue;
		if (dir->ops->lookup(dir, d->name, strlen(d->name), &vn))
			continue;
		vn = vfs_cross_down(vn);
		rc = vn == child;
		uk_vnode_release(vn);
		if (rc)
			return 0;
	}
	return rc < 0 ? rc : -ENOENT;
}

/* prepends "/name" to the string that ends at buf + *pos */
static int prepend(char *buf, size_t *pos, const char *name)
{
	size_t n = strlen(name);

	if (n + 1 > *pos)
		return -ERANGE;
	*pos -= n;
	memcpy(buf + *pos, name, n);
	buf[--*pos] = '/';
	return 0;
}

static int build_path(struct uk_vnode *cur, char *tmp, size_t *pos)
{
	struct uk_vfs_dirent *d = vfs_zalloc(sizeof(*d));
	struct uk_vnode *up;
	int rc = d ? 0 : -ENOMEM;

	uk_vnode_hold(cur);
	while (rc == 0) {
		rc = vfs_lookup(cur, "..", 0, &up);
		if (rc)
			break;
		if (up == cur) {
			uk_vnode_release(up);
			break; /* reached "/" */
		}
		rc = name_in(up, cur, d);
		if (rc == 0)
			rc = prepend(tmp, pos, d->name);
		uk_vnode_release(cur);
		cur = up;
	}
	uk_vnode_release(cur);
	vfs_free(d);
	return rc;
}

int uk_vfs_getcwd(char *buf, size_t len)
{
	char *tmp;
	size_t pos = UK_VFS_PATH_MAX - 1;
	struct uk_vnode *cur;
	int rc = vfs_start_dir(UK_AT_FDCWD, NULL, &cur);

	if (rc)
		return rc;
	tmp = vfs_zalloc(UK_VFS_PATH_MAX);
	rc = tmp ? build_path(cur, tmp, &pos) : -ENOMEM;
	uk_vnode_release(cur);
	if (rc == 0 && pos == UK_VFS_PATH_MAX - 1)
		tmp[--pos] = '/';
	if (rc == 0 && UK_VFS_PATH_MAX - pos > len)
		rc = -ERANGE;
	if (rc == 0) {
		memcpy(buf, tmp + pos, UK_VFS_PATH_MAX - pos);
		rc = (int)(UK_VFS_PATH_MAX - pos);
	}
	vfs_free(tmp);
	return rc;
}

void uk_vfs_reset(void)
{
	vfs_fdtab_reset();
	uk_vnode_release(vfs_cwd);
	vfs_cwd = NULL;
	vfs_mounts_reset();
	vfs_umask = 022;
}
