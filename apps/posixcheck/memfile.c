/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * mmap of a file (MAP_PRIVATE: a private copy read from the file), with a
 * VFS only: the file is written first through the root file system.
 */
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>
#include "check.h"

#define PATH "/posixcheck-mmap"
#define LEN  5000

static unsigned char pattern(size_t i)
{
	return (unsigned char)(i * 7 + 3);
}

int check_memory_file(void)
{
	unsigned char buf[LEN], *p;
	size_t i, bad = 0;
	int fd, fails = 0;

	for (i = 0; i < LEN; i++)
		buf[i] = pattern(i);
	fd = open(PATH, O_RDWR | O_CREAT | O_TRUNC, 0644);
	if (fd < 0 || write(fd, buf, LEN) != LEN)
		return check(0, "memory.file_setup", "%s: errno %d", PATH, errno);

	p = mmap(NULL, 8192, PROT_READ, MAP_PRIVATE, fd, 0);
	if (p != MAP_FAILED) {
		for (i = 0; i < 8192; i++)
			bad += p[i] != (i < LEN ? pattern(i) : 0);
		munmap(p, 8192);
	}
	fails += check(p != MAP_FAILED && !bad, "memory.mmap_file_private", "%s, %zu bytes wrong",
	               p == MAP_FAILED ? strerror(errno) : "mapped", bad);

	p = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd, 4096);
	if (p != MAP_FAILED) {
		bad = 0;
		for (i = 0; i < LEN - 4096; i++)
			bad += p[i] != pattern(4096 + i);
		p[0] ^= 0xff; /* the copy is private: the file keeps its byte */
		munmap(p, 4096);
	}
	fails += check(p != MAP_FAILED && !bad && pread(fd, buf, 1, 4096) == 1 &&
	                   buf[0] == pattern(4096),
	               "memory.mmap_file_offset_private_write", "bad %zu", bad);

	errno = 0;
	p = mmap(NULL, 4096, PROT_READ, MAP_SHARED, fd, 0);
	fails += check(p == MAP_FAILED && errno == ENODEV, "memory.mmap_file_shared_refused",
	               "errno %d", errno);
	close(fd);
	unlink(PATH);
	return fails;
}
