/* SPDX-License-Identifier: BSD-3-Clause */
/* CONFIG_LIBDEVFS_AUTOMOUNT: devfs at /dev once the root file system exists */
#include <errno.h>
#include <uk/init.h>
#include <uk/print.h>
#include <uk/vfs.h>

static int devfs_automount(void)
{
	int rc;

	/* /dev needs a directory to live in: give an image without a root an empty one */
	if (!uk_vfs_root_mounted()) {
		uk_pr_info("devfs: no root file system, mounting an empty ramfs at /\n");
		rc = uk_vfs_mount("", "/", "ramfs", 0, "");
		if (rc)
			return rc;
	}
	rc = uk_vfs_mkdirat(UK_AT_FDCWD, "/dev", 0755);
	if (rc && rc != -EEXIST) {
		uk_pr_err("devfs: cannot create /dev: %d\n", rc);
		return rc;
	}
	uk_pr_info("Mount devfs to /dev\n");
	return uk_vfs_mount("devfs", "/dev", "devfs", 0, "");
}

/* after vfscore's automount (priority 5) has set up the root */
uk_initcall_prio(devfs_automount, rootfs, 8);
