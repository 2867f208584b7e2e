/* SPDX-License-Identifier: BSD-3-Clause */
/* The console vnode against the host's stand-in serial port (host only:
 * in the kernel nothing can type into the test) */
#include <uk/test.h>
#include "vt.h"

extern char host_console_out[];
extern size_t host_console_out_len;
extern const char *host_console_in;

static int console_fd(unsigned int flags)
{
	struct uk_vnode *vn = uk_vfs_console();
	struct uk_file *f = uk_file_alloc(vn, flags);
	int fd = f ? uk_fdtab_install(f, 0, 0) : -ENOMEM;

	uk_vnode_release(vn);
	uk_file_release(f);
	return fd;
}

UK_TESTCASE(vfscore_console, reads_what_was_typed_writes_through)
{
	char buf[8] = {0};
	int fd = console_fd(UK_O_RDWR | UK_O_NONBLOCK);
	size_t before = host_console_out_len;

	UK_TEST_ASSERT(fd >= 0);
	host_console_in = "typed";
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_read(fd, buf, 3), 3);
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_read(fd, buf + 3, 10), 2);
	UK_TEST_EXPECT_STR_EQ(buf, "typed");
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_read(fd, buf, 1), -EAGAIN); /* nothing left, O_NONBLOCK */
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_fcntl(fd, UK_F_SETFL, 0), 0);
	/* blocking: the host has no other thread to wait for, so vfs_wait() gives up */
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_read(fd, buf, 1), -EAGAIN);
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_write(fd, "out\n", 4), 4);
	UK_TEST_EXPECT_UNUM_EQ(host_console_out_len, before + 4);
	UK_TEST_EXPECT(!memcmp(host_console_out + before, "out\n", 4));
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_pwrite(fd, "x", 1, 0), -ESPIPE);
	uk_vfs_close(fd);
}

UK_TESTCASE(vfscore_console, poll_keeps_what_it_saw_for_read)
{
	char buf[8] = {0};
	int fd = console_fd(UK_O_RDWR | UK_O_NONBLOCK), n = -1;
	struct uk_file *f = uk_fdtab_get(fd);

	UK_TEST_ASSERT(f != NULL);
	host_console_in = "";
	UK_TEST_EXPECT_UNUM_EQ(uk_file_poll(f), UK_POLLOUT | UK_POLLWRNORM);
	host_console_in = "hi";
	UK_TEST_EXPECT(uk_file_poll(f) & UK_POLLIN);
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_ioctl(fd, UK_FIONREAD, &n), 0);
	UK_TEST_EXPECT_SNUM_EQ(n, 2);
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_read(fd, buf, 1), 1);
	UK_TEST_EXPECT_SNUM_EQ(uk_vfs_read(fd, buf + 1, 5), 1);
	UK_TEST_EXPECT_STR_EQ(buf, "hi");
	UK_TEST_EXPECT_UNUM_EQ(uk_file_poll(f) & UK_POLLIN, 0);
	UK_TEST_EXPECT(f->vn->vflags & UK_VNODE_POLL_PERIODIC);
	uk_file_release(f);
	uk_vfs_close(fd);
}
