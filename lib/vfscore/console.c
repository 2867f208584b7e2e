/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The console as a character-device vnode: writes go to every platform
 * console, reads poll the serial port (yielding between polls unless the
 * file is non-blocking). Shared by descriptors 0-2 and devfs's
 * /dev/console, /dev/stdin, /dev/stdout and /dev/stderr.
 *
 * Polling: the serial port cannot be peeked, so poll reads what is pending
 * into a small stash that the next read returns first. The port raises no
 * interrupt here, so the vnode is UK_VNODE_POLL_PERIODIC (pollers re-check).
 */
#include <errno.h>
#include <uk/plat/console.h>
#include "vfs_impl.h"
#include "vfs_os.h"

#define CONSOLE_ROWS 24
#define CONSOLE_COLS 80
#define STASH_SIZE   64

/* input taken from the port by a poll, not read yet (one console: static) */
static char stash[STASH_SIZE];
static unsigned int stash_len;

static size_t stash_take(char *buf, size_t len)
{
	size_t n = len < stash_len ? len : stash_len;

	for (size_t i = 0; i < n; i++)
		buf[i] = stash[i];
	for (size_t i = n; i < stash_len; i++)
		stash[i - n] = stash[i];
	stash_len -= (unsigned int)n;
	return n;
}

static ssize_t con_read(struct uk_vnode *vn, struct uk_file *f, void *buf, size_t len, int64_t off)
{
	int n, rc;

	(void)vn;
	(void)off;
	if (!len)
		return 0;
	if (stash_len)
		return (ssize_t)stash_take(buf, len);
	for (;;) {
		n = ukplat_cink(buf, len > 0x7fffffff ? 0x7fffffff : (unsigned int)len);
		if (n != 0)
			return n; /* data, or the platform's error */
		rc = vfs_wait_file(f, 1);
		if (rc)
			return rc;
	}
}

static ssize_t con_write(struct uk_vnode *vn, struct uk_file *f, const void *buf, size_t len,
                         int64_t off)
{
	size_t done = 0;

	(void)vn;
	(void)f;
	(void)off;
	while (done < len) {
		size_t chunk = len - done > 0x10000 ? 0x10000 : len - done;
		int n = ukplat_coutk((const char *)buf + done, (unsigned int)chunk);

		if (n < 0)
			return done ? (ssize_t)done : n;
		done += chunk;
	}
	return (ssize_t)done;
}

static int con_ioctl(struct uk_vnode *vn, struct uk_file *f, unsigned long cmd, void *arg)
{
	struct uk_winsize *ws = arg;

	(void)vn;
	(void)f;
	switch (cmd) {
	case UK_TIOCGWINSZ:
		if (!ws)
			return -EFAULT;
		/* a serial line has no size: answer what terminals assume */
		*ws = (struct uk_winsize){CONSOLE_ROWS, CONSOLE_COLS, 0, 0};
		return 0;
	case UK_TCGETS:
		return arg ? 0 : -EFAULT; /* "is a terminal"; the settings are not modelled */
	case UK_FIONREAD:
		if (!arg)
			return -EFAULT;
		*(int *)arg = (int)stash_len; /* the port itself cannot be peeked */
		return 0;
	default:
		return -ENOTTY;
	}
}

static unsigned int con_poll(struct uk_vnode *vn, struct uk_file *f)
{
	int n;

	(void)vn;
	(void)f;
	if (!stash_len) {
		n = ukplat_cink(stash, STASH_SIZE);
		if (n > 0)
			stash_len = (unsigned int)n;
	}
	return UK_POLLOUT | UK_POLLWRNORM | (stash_len ? UK_POLLIN | UK_POLLRDNORM : 0);
}

static void con_inactive(struct uk_vnode *vn)
{
	(void)vn; /* the console vnode lives forever */
}

static const struct uk_vnode_ops console_ops = {
    .read = con_read,
    .write = con_write,
    .ioctl = con_ioctl,
    .inactive = con_inactive,
    .poll = con_poll,
};

static struct uk_vnode console_vnode = {
    .refs = 1,
    .mode = UK_S_IFCHR | 0620,
    .nlink = 1,
    .ino = 0x7fffffff,
    .rdev = (5 << 8) | 1, /* 5:1, as /dev/console on Linux */
    .ops = &console_ops,
    .vflags = UK_VNODE_NOSEEK | UK_VNODE_POLL_PERIODIC,
};

struct uk_vnode *uk_vfs_console(void)
{
	uk_vnode_hold(&console_vnode);
	return &console_vnode;
}
