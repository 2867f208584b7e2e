/* SPDX-License-Identifier: BSD-3-Clause */
/* Descriptors 0, 1 and 2 on the console, before any file system exists */
#include <errno.h>
#include <uk/init.h>
#include <uk/print.h>
#include "vfs_impl.h"

static int open_console(unsigned int acc, int expect)
{
	struct uk_vnode *vn = uk_vfs_console();
	struct uk_file *f = uk_file_alloc(vn, acc);
	int fd;

	uk_vnode_release(vn);
	if (!f)
		return -ENOMEM;
	fd = uk_fdtab_install(f, expect, 0);
	uk_file_release(f);
	if (fd >= 0 && fd != expect) {
		uk_vfs_close(fd);
		return -EBUSY;
	}
	return fd < 0 ? fd : 0;
}

static int vfs_stdio_init(void)
{
	int rc = open_console(UK_O_RDONLY, 0);

	if (rc == 0)
		rc = open_console(UK_O_WRONLY, 1);
	if (rc == 0)
		rc = open_console(UK_O_WRONLY, 2);
	if (rc)
		uk_pr_err("vfs: cannot open stdin/stdout/stderr: %d\n", rc);
	return rc;
}

/* first of the lib level: libraries initialised after it may already print through fd 1 */
uk_initcall_prio(vfs_stdio_init, lib, 0);
