/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Path resolution: walks a path component by component, crossing mount
 * points downwards (into the mounted root) and upwards (".." at a mount's
 * root continues in the covered directory), following symbolic links up to
 * UK_VFS_SYMLOOP times per lookup.
 */
#include <errno.h>
#include <string.h>
#include "vfs_impl.h"
#include "vfs_os.h"

struct uk_vnode *vfs_root;
struct uk_vnode *vfs_cwd;

/* takes a held vnode, returns the held top of the mount stack on it */
struct uk_vnode *vfs_cross_down(struct uk_vnode *vn)
{
	while (vn->covered) {
		struct uk_vnode *top = vn->covered->root;

		uk_vnode_hold(top);
		uk_vnode_release(vn);
		vn = top;
	}
	return vn;
}

static struct uk_vnode *root_held(void)
{
	if (!vfs_root)
		return NULL;
	uk_vnode_hold(vfs_root);
	return vfs_cross_down(vfs_root);
}

/* "..": leaves mounted roots first, then asks the file system */
static int step_up(struct uk_vnode *cur, struct uk_vnode **out)
{
	while (cur->mnt && cur == cur->mnt->root) {
		struct uk_vnode *below = cur->mnt->covered;

		if (!below) {
			/* the top of the name space: ".." of "/" is "/" */
			uk_vnode_release(cur);
			*out = root_held();
			return *out ? 0 : -ENOENT;
		}
		uk_vnode_hold(below);
		uk_vnode_release(cur);
		cur = below;
	}
	int rc = cur->ops->lookup(cur, "..", 2, out);

	uk_vnode_release(cur);
	return rc;
}

static int walk(struct uk_vnode *cur, const char *p, int flags, int *links, struct uk_vnode **out);

/* replaces the symlink `link` found in directory `dir` by what it names */
static int follow(struct uk_vnode *dir, struct uk_vnode *link, int *links, struct uk_vnode **out)
{
	char *target;
	ssize_t n;
	int rc;

	if (++*links > UK_VFS_SYMLOOP) {
		rc = -ELOOP;
		goto drop;
	}
	target = vfs_zalloc(UK_VFS_PATH_MAX);
	if (!target) {
		rc = -ENOMEM;
		goto drop;
	}
	n = link->ops->readlink ? link->ops->readlink(link, target, UK_VFS_PATH_MAX - 1) : -EINVAL;
	uk_vnode_release(link);
	if (n <= 0) {
		vfs_free(target);
		uk_vnode_release(dir);
		return n < 0 ? (int)n : -ENOENT;
	}
	target[n] = '\0';
	rc = walk(dir, target, VFS_FOLLOW, links, out);
	vfs_free(target);
	return rc;
drop:
	uk_vnode_release(link);
	uk_vnode_release(dir);
	return rc;
}

/* one name inside directory cur (held, released) */
static int step(struct uk_vnode *cur, const char *name, size_t len, struct uk_vnode **next)
{
	int rc;

	if (!UK_S_ISDIR(cur->mode) || !cur->ops->lookup) {
		uk_vnode_release(cur);
		return -ENOTDIR;
	}
	if (len == 2 && name[0] == '.' && name[1] == '.')
		return step_up(cur, next);
	rc = cur->ops->lookup(cur, name, len, next);
	uk_vnode_release(cur);
	if (rc == 0)
		*next = vfs_cross_down(*next);
	return rc;
}

/* cur is held and consumed; *out is held on success */
static int walk(struct uk_vnode *cur, const char *p, int flags, int *links, struct uk_vnode **out)
{
	if (*p == '/') {
		uk_vnode_release(cur);
		cur = root_held();
		if (!cur)
			return -ENOENT;
	}
	for (;;) {
		const char *name;
		size_t len;
		struct uk_vnode *next;
		int rc, more;

		while (*p == '/')
			p++;
		if (!*p)
			break;
		name = p;
		while (*p && *p != '/')
			p++;
		len = (size_t)(p - name);
		if (len > UK_VFS_NAME_MAX) {
			uk_vnode_release(cur);
			return -ENAMETOOLONG;
		}
		if (len == 1 && name[0] == '.') {
			if (!UK_S_ISDIR(cur->mode)) {
				uk_vnode_release(cur);
				return -ENOTDIR;
			}
			continue;
		}
		/* a trailing slash makes the last name a directory: follow it too */
		more = *p == '/';
		uk_vnode_hold(cur);
		rc = step(cur, name, len, &next);
		if (rc) {
			uk_vnode_release(cur);
			return rc;
		}
		if (UK_S_ISLNK(next->mode) && (more || (flags & VFS_FOLLOW))) {
			rc = follow(cur, next, links, &cur);
			if (rc)
				return rc;
			continue;
		}
		uk_vnode_release(cur);
		cur = next;
	}
	*out = cur;
	return 0;
}

int vfs_check_path(const char *path)
{
	size_t n;

	if (!path)
		return -EFAULT;
	n = strnlen(path, UK_VFS_PATH_MAX);
	if (n == UK_VFS_PATH_MAX)
		return -ENAMETOOLONG;
	return n ? 0 : -ENOENT;
}

int vfs_start_dir(int dirfd, const char *path, struct uk_vnode **out)
{
	struct uk_file *f;

	if (path && path[0] == '/') {
		*out = root_held();
		return *out ? 0 : -ENOENT;
	}
	if (dirfd == UK_AT_FDCWD) {
		if (vfs_cwd) {
			uk_vnode_hold(vfs_cwd);
			*out = vfs_cwd;
			return 0;
		}
		*out = root_held();
		return *out ? 0 : -ENOENT;
	}
	f = uk_fdtab_get(dirfd);
	if (!f)
		return -EBADF;
	*out = f->vn;
	uk_vnode_hold(*out);
	uk_file_release(f);
	if (path && path[0] && !UK_S_ISDIR((*out)->mode)) {
		uk_vnode_release(*out);
		return -ENOTDIR;
	}
	return 0;
}

int vfs_lookup(struct uk_vnode *start, const char *path, int flags, struct uk_vnode **out)
{
	int links = 0;
	size_t n = strlen(path);
	int rc;

	uk_vnode_hold(start);
	rc = walk(start, path, flags, &links, out);
	if (rc == 0 && n && path[n - 1] == '/' && !UK_S_ISDIR((*out)->mode)) {
		uk_vnode_release(*out);
		return -ENOTDIR;
	}
	return rc;
}

int vfs_lookupat(int dirfd, const char *path, int flags, struct uk_vnode **out)
{
	struct uk_vnode *start;
	int rc = vfs_check_path(path);

	if (rc)
		return rc;
	rc = vfs_start_dir(dirfd, path, &start);
	if (rc)
		return rc;
	rc = vfs_lookup(start, path, flags, out);
	uk_vnode_release(start);
	return rc;
}

int vfs_lookup_parent(int dirfd, const char *path, struct vfs_parent *p)
{
	size_t end, start;
	char *dirpart;
	struct uk_vnode *sdir;
	int rc = vfs_check_path(path);

	if (rc)
		return rc;
	end = strlen(path);
	while (end > 0 && path[end - 1] == '/')
		end--;
	if (end == 0)
		return -EBUSY; /* the path is "/" */
	start = end;
	while (start > 0 && path[start - 1] != '/')
		start--;
	p->name = path + start;
	p->len = end - start;
	p->trailing_slash = path[end] == '/';
	if (p->len > UK_VFS_NAME_MAX)
		return -ENAMETOOLONG;
	if ((p->len == 1 && p->name[0] == '.') ||
	    (p->len == 2 && p->name[0] == '.' && p->name[1] == '.'))
		return -EINVAL;
	dirpart = vfs_zalloc(start + 2);
	if (!dirpart)
		return -ENOMEM;
	memcpy(dirpart, path, start);
	if (start == 0)
		dirpart[0] = '.';
	rc = vfs_start_dir(dirfd, path, &sdir);
	if (rc == 0) {
		rc = vfs_lookup(sdir, dirpart, VFS_FOLLOW, &p->dir);
		uk_vnode_release(sdir);
	}
	vfs_free(dirpart);
	if (rc == 0 && !UK_S_ISDIR(p->dir->mode)) {
		uk_vnode_release(p->dir);
		rc = -ENOTDIR;
	}
	return rc;
}
