/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Without a VFS (lib/vfscore not selected) nothing would handle write():
 * every printf() of the program would vanish. This fallback sends what is
 * written to fd 1 and 2 to the console (and answers TIOCGWINSZ for 0..2,
 * as a terminal would); other descriptors do not exist.
 */
#include <errno.h>
#include <stddef.h>
#include <uk/plat/console.h>
#include <uk/syscall.h>

struct uk_iovec {
	const void *base;
	size_t len;
};

static long console_write(int fd, const char *buf, size_t len)
{
	size_t done = 0;
	int n;

	if (fd != 1 && fd != 2)
		return -EBADF;
	if (!buf && len)
		return -EFAULT;
	while (done < len) {
		n = ukplat_coutk(buf + done, (unsigned int)(len - done > 4096 ? 4096 : len - done));
		if (n <= 0)
			return done ? (long)done : -EIO;
		done += (size_t)n;
	}
	return (long)done;
}

UK_SYSCALL_R_DEFINE(long, write, int, fd, const char *, buf, size_t, len)
{
	return console_write(fd, buf, len);
}

#define TIOCGWINSZ 0x5413

struct uk_winsize {
	unsigned short rows, cols, xpixel, ypixel;
};

/* the console is a terminal: C libraries then line-buffer stdout */
UK_SYSCALL_R_DEFINE(int, ioctl, int, fd, unsigned long, req, struct uk_winsize *, ws)
{
	if (fd < 0 || fd > 2)
		return -EBADF;
	if (req != TIOCGWINSZ)
		return -ENOTTY;
	if (!ws)
		return -EFAULT;
	ws->rows = 24;
	ws->cols = 80;
	ws->xpixel = ws->ypixel = 0;
	return 0;
}

UK_SYSCALL_R_DEFINE(long, writev, int, fd, const struct uk_iovec *, iov, int, iovcnt)
{
	long total = 0, r;
	int i;

	if (iovcnt < 0 || iovcnt > 1024)
		return -EINVAL;
	if (iovcnt && !iov)
		return -EFAULT;
	for (i = 0; i < iovcnt; i++) {
		r = console_write(fd, iov[i].base, iov[i].len);
		if (r < 0)
			return total ? total : r;
		total += r;
	}
	return total;
}
