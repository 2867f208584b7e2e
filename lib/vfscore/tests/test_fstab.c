/* SPDX-License-Identifier: BSD-3-Clause */
/* vfs.fstab entry syntax: dev:mountpoint:driver[:flags[:opts[:ukopts]]] */
#include <uk/test.h>
#include "automount.h"
#include "vt.h"

UK_TESTCASE(vfscore_fstab, unikraft_and_urunc_entries)
{
	char a[] = "initrd0:/:extract::ramfs=1:";
	char b[] = "initrd0:/:extract:::";
	char c[] = "none:/tmp:ramfs";
	struct vfs_fstab_entry e;

	UK_TEST_EXPECT_SNUM_EQ(vfs_fstab_parse(a, &e), 0);
	UK_TEST_EXPECT_STR_EQ(e.dev, "initrd0");
	UK_TEST_EXPECT_STR_EQ(e.mp, "/");
	UK_TEST_EXPECT_STR_EQ(e.driver, "extract");
	UK_TEST_EXPECT_STR_EQ(e.flags, "");
	UK_TEST_EXPECT_STR_EQ(e.opts, "ramfs=1");
	UK_TEST_EXPECT_STR_EQ(e.ukopts, "");
	UK_TEST_EXPECT_SNUM_EQ(vfs_fstab_parse(b, &e), 0);
	UK_TEST_EXPECT_STR_EQ(e.driver, "extract");
	UK_TEST_EXPECT_STR_EQ(e.opts, "");
	UK_TEST_EXPECT_SNUM_EQ(vfs_fstab_parse(c, &e), 0);
	UK_TEST_EXPECT_STR_EQ(e.mp, "/tmp");
	UK_TEST_EXPECT_STR_EQ(e.driver, "ramfs");
	UK_TEST_EXPECT_STR_EQ(e.ukopts, "");
}

UK_TESTCASE(vfscore_fstab, malformed_entries)
{
	char a[] = "initrd0:/";
	char b[] = "initrd0::extract";
	char c[] = "initrd0:relative:ramfs";
	char d[] = "a:/:b:c:d:e:f";
	char e_[] = "initrd0:/:";
	struct vfs_fstab_entry e;

	UK_TEST_EXPECT_SNUM_EQ(vfs_fstab_parse(a, &e), -EINVAL);
	UK_TEST_EXPECT_SNUM_EQ(vfs_fstab_parse(b, &e), -EINVAL);
	UK_TEST_EXPECT_SNUM_EQ(vfs_fstab_parse(c, &e), -EINVAL);
	UK_TEST_EXPECT_SNUM_EQ(vfs_fstab_parse(d, &e), -EINVAL);
	UK_TEST_EXPECT_SNUM_EQ(vfs_fstab_parse(e_, &e), -EINVAL);
}
