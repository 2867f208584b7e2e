/* SPDX-License-Identifier: BSD-3-Clause */
/* A host link has no .uk_fstab bounds: register the drivers by hand */
#include <uk/vfs.h>

extern const struct uk_fs_driver ramfs_driver;
extern const struct uk_fs_driver devfs_driver;

__attribute__((constructor)) static void host_register_fs(void)
{
	uk_vfs_fs_register(&ramfs_driver);
	uk_vfs_fs_register(&devfs_driver);
}
