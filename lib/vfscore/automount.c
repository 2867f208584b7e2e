/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The root file system at boot (init level rootfs): a ramfs at / filled from
 * the embedded initrd (CONFIG_LIBVFSCORE_AUTOMOUNT_CI_EINITRD) or empty
 * (CONFIG_LIBVFSCORE_AUTOMOUNT_CI alone), then the vfs.fstab= entries
 * (CONFIG_LIBVFSCORE_AUTOMOUNT_UP, fstab.c). A root that cannot be set up
 * stops the boot cleanly: the init call's error ends the VM with status 1.
 */
#include <errno.h>
#include <uk/config.h>
#include <uk/init.h>
#include <uk/print.h>
#include "vfs_impl.h"
#include "automount.h"
#if CONFIG_LIBUKCPIO
#include <uk/cpio.h>
#endif
#if CONFIG_LIBVFSCORE_AUTOMOUNT_CI_EINITRD
#include <uk/einitrd.h>
#endif

int vfs_extract_initrd(const void *buf, size_t len, const char *source, const char *mp,
                       int new_ramfs)
{
#if CONFIG_LIBUKCPIO
	int rc;

	if (new_ramfs) {
		rc = uk_vfs_mount("", mp, "ramfs", 0, "");
		if (rc)
			return rc;
	}
	uk_pr_info("Extracting initrd @ 0x%lx (%zu bytes, source: \"%s\") to %s...\n",
	           (unsigned long)buf, len, source, mp);
	rc = ukcpio_extract(buf, len, mp);
	if (rc)
		uk_pr_err("Extracting initrd (source: \"%s\") to %s failed: %d\n", source, mp, rc);
	return rc;
#else
	(void)buf;
	(void)len;
	(void)new_ramfs;
	uk_pr_err("Cannot extract initrd (source: \"%s\") to %s: ukcpio is not configured\n",
	          source, mp);
	return -ENOTSUP;
#endif
}

static int vfs_automount(void)
{
	int rc = 0;

#if CONFIG_LIBVFSCORE_AUTOMOUNT_CI && !CONFIG_LIBVFSCORE_AUTOMOUNT_CI_EINITRD
	rc = uk_vfs_mount("", "/", "ramfs", 0, "");
	if (rc) {
		uk_pr_crit("Cannot mount the root file system: %d\n", rc);
		return rc;
	}
#endif
#if CONFIG_LIBVFSCORE_AUTOMOUNT_CI_EINITRD
	rc = vfs_extract_initrd(uk_einitrd_start, uk_einitrd_size(), "embedded", "/", 1);
	if (rc) {
		uk_pr_crit("The embedded initrd cannot become the root file system: %d\n", rc);
		return rc;
	}
#endif
#if CONFIG_LIBVFSCORE_AUTOMOUNT_UP
	rc = vfs_fstab_mount_all();
#endif
	return rc;
}

uk_initcall_rootfs(vfs_automount);
