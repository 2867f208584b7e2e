/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * vfs.fstab=[ "dev:mountpoint:driver[:flags[:opts[:ukopts]]]" ... ]
 *
 *   initrd0:/:extract::ramfs=1:   the first QEMU -initrd module, extracted
 *                                 into a new ramfs at /
 *   initrd0:/:extract:::          (urunc) the same: with nothing mounted at
 *                                 the mount point yet, a ramfs is made
 *   none:/tmp:ramfs:::mkmp        a file system; ukopts "mkmp" creates the
 *                                 mount point first
 *
 * Extraction sources: initrd<N> (the N-th boot module) and "embedded".
 */
#include <errno.h>
#include <string.h>
#include <uk/config.h>
#include <uk/libparam.h>
#include <uk/plat/memory.h>
#include <uk/print.h>
#include "vfs_impl.h"
#include "automount.h"
#if CONFIG_LIBVFSCORE_AUTOMOUNT_CI_EINITRD
#include <uk/einitrd.h>
#endif

#define FSTAB_MAX 16

static char *vfs_fstab[FSTAB_MAX];
static unsigned int vfs_fstab_n;
UK_LIBPARAM_PARAM_ARR_PREFIX(vfs, fstab, charp, vfs_fstab, vfs_fstab_n);

/* the archive named by dev: 0 or -ENODEV */
static int initrd_source(const char *dev, const void **buf, size_t *len)
{
	struct ukplat_memregion r;
	int want, seen = 0;

#if CONFIG_LIBVFSCORE_AUTOMOUNT_CI_EINITRD
	if (!strcmp(dev, "embedded")) {
		*buf = uk_einitrd_start;
		*len = uk_einitrd_size();
		return 0;
	}
#endif
	if (strncmp(dev, "initrd", 6) || dev[6] < '0' || dev[6] > '9' || dev[7])
		return -ENODEV;
	want = dev[6] - '0';
	for (int i = 0; i < ukplat_memregion_count(); i++) {
		if (ukplat_memregion_get(i, &r) || r.type != UKPLAT_MEMRT_INITRD)
			continue;
		if (seen++ == want) {
			*buf = (const void *)(uintptr_t)r.pbase;
			*len = (size_t)r.len;
			return 0;
		}
	}
	return -ENODEV;
}

/* mkdir -p for the mount point */
static int make_mountpoint(const char *mp)
{
	char path[UK_VFS_PATH_MAX];
	size_t n = strlen(mp);
	int rc;

	if (n >= sizeof(path))
		return -ENAMETOOLONG;
	memcpy(path, mp, n + 1);
	for (size_t i = 1; i <= n; i++) {
		if (path[i] != '/' && path[i] != '\0')
			continue;
		path[i] = '\0';
		rc = uk_vfs_mkdirat(UK_AT_FDCWD, path, 0755);
		if (rc && rc != -EEXIST)
			return rc;
		path[i] = i < n ? '/' : '\0';
	}
	return 0;
}

static int mount_extract(const struct vfs_fstab_entry *e)
{
	const void *buf;
	size_t len;
	int rc = initrd_source(e->dev, &buf, &len);
	/* a ramfs when asked, and whenever / does not exist yet (urunc's entry) */
	int ramfs = strstr(e->opts, "ramfs=1") || (!strcmp(e->mp, "/") && !uk_vfs_root_mounted());

	if (rc) {
		uk_pr_err("vfs.fstab: no initrd device \"%s\"\n", e->dev);
		return rc;
	}
	return vfs_extract_initrd(buf, len, e->dev, e->mp, ramfs);
}

static int mount_entry(struct vfs_fstab_entry *e)
{
	int rc;

	if (strstr(e->ukopts, "mkmp") && uk_vfs_root_mounted()) {
		rc = make_mountpoint(e->mp);
		if (rc)
			return rc;
	}
	if (!strcmp(e->driver, "extract"))
		return mount_extract(e);
	rc = uk_vfs_mount(e->dev, e->mp, e->driver, 0, e->opts);
	if (rc)
		uk_pr_err("vfs.fstab: cannot mount %s at %s: %d\n", e->driver, e->mp, rc);
	return rc;
}

int vfs_fstab_mount_all(void)
{
	for (unsigned int i = 0; i < vfs_fstab_n && i < FSTAB_MAX; i++) {
		struct vfs_fstab_entry e;
		int rc;

		if (!vfs_fstab[i])
			continue;
		rc = vfs_fstab_parse(vfs_fstab[i], &e);
		if (rc) {
			uk_pr_err("vfs.fstab: malformed entry %u (want dev:mountpoint:driver"
			          "[:flags[:opts[:ukopts]]])\n",
			          i);
			continue;
		}
		rc = mount_entry(&e);
		/* without its root the application cannot run: stop the boot cleanly */
		if (rc && !strcmp(e.mp, "/")) {
			uk_pr_crit("vfs.fstab: the root file system cannot be mounted: %d\n", rc);
			return rc;
		}
	}
	return 0;
}
