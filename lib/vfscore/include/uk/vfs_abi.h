/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The Linux x86_64 file ABI: flag values and the structures the file
 * syscalls exchange with applications. The VFS uses these values
 * internally too, so a syscall handler passes them through unchanged.
 * Names carry a UK_ prefix so the header never clashes with a libc's.
 */
#ifndef UK_VFS_ABI_H
#define UK_VFS_ABI_H

#include <stdint.h>

/* open(2) flags (octal, as Linux defines them on x86_64) */
#define UK_O_ACCMODE   0003
#define UK_O_RDONLY    0000
#define UK_O_WRONLY    0001
#define UK_O_RDWR      0002
#define UK_O_CREAT     0100
#define UK_O_EXCL      0200
#define UK_O_NOCTTY    0400
#define UK_O_TRUNC     01000
#define UK_O_APPEND    02000
#define UK_O_NONBLOCK  04000
#define UK_O_DSYNC     010000
#define UK_O_DIRECT    040000
#define UK_O_LARGEFILE 0100000
#define UK_O_DIRECTORY 0200000
#define UK_O_NOFOLLOW  0400000
#define UK_O_NOATIME   01000000
#define UK_O_CLOEXEC   02000000
#define UK_O_SYNC      04010000
#define UK_O_PATH      010000000

/* file types and permission bits of st_mode */
#define UK_S_IFMT         0170000
#define UK_S_IFSOCK       0140000
#define UK_S_IFLNK        0120000
#define UK_S_IFREG        0100000
#define UK_S_IFBLK        0060000
#define UK_S_IFDIR        0040000
#define UK_S_IFCHR        0020000
#define UK_S_IFIFO        0010000
#define UK_S_ISTYPE(m, t) (((m)&UK_S_IFMT) == (t))
#define UK_S_ISDIR(m)     UK_S_ISTYPE(m, UK_S_IFDIR)
#define UK_S_ISREG(m)     UK_S_ISTYPE(m, UK_S_IFREG)
#define UK_S_ISLNK(m)     UK_S_ISTYPE(m, UK_S_IFLNK)
#define UK_S_ISCHR(m)     UK_S_ISTYPE(m, UK_S_IFCHR)
#define UK_S_ISFIFO(m)    UK_S_ISTYPE(m, UK_S_IFIFO)
#define UK_S_IPERM        07777

/* *at() conventions */
#define UK_AT_FDCWD            (-100)
#define UK_AT_SYMLINK_NOFOLLOW 0x100
#define UK_AT_REMOVEDIR        0x200
#define UK_AT_EACCESS          0x200
#define UK_AT_SYMLINK_FOLLOW   0x400
#define UK_AT_NO_AUTOMOUNT     0x800
#define UK_AT_EMPTY_PATH       0x1000

/* access(2) */
#define UK_F_OK 0
#define UK_X_OK 1
#define UK_W_OK 2
#define UK_R_OK 4

/* lseek(2) */
#define UK_SEEK_SET 0
#define UK_SEEK_CUR 1
#define UK_SEEK_END 2

/* fcntl(2) */
#define UK_F_DUPFD         0
#define UK_F_GETFD         1
#define UK_F_SETFD         2
#define UK_F_GETFL         3
#define UK_F_SETFL         4
#define UK_F_GETLK         5
#define UK_F_SETLK         6
#define UK_F_SETLKW        7
#define UK_F_DUPFD_CLOEXEC 1030
#define UK_FD_CLOEXEC      1

/* ioctl(2) */
#define UK_TCGETS     0x5401
#define UK_TIOCGWINSZ 0x5413
#define UK_FIONREAD   0x541B
#define UK_FIONBIO    0x5421

struct uk_winsize {
	uint16_t ws_row, ws_col, ws_xpixel, ws_ypixel;
};

/* eventfd2(2) flags */
#define UK_EFD_SEMAPHORE 1
#define UK_EFD_CLOEXEC   UK_O_CLOEXEC
#define UK_EFD_NONBLOCK  UK_O_NONBLOCK

/* d_type of getdents64 */
#define UK_DT_UNKNOWN 0
#define UK_DT_FIFO    1
#define UK_DT_CHR     2
#define UK_DT_DIR     4
#define UK_DT_REG     8
#define UK_DT_LNK     10

struct uk_timespec {
	int64_t tv_sec;
	int64_t tv_nsec;
};

/* utimensat(2) special nanosecond values */
#define UK_UTIME_NOW  ((1l << 30) - 1l)
#define UK_UTIME_OMIT ((1l << 30) - 2l)

/* struct stat as the x86_64 kernel lays it out (144 bytes) */
struct uk_stat {
	uint64_t st_dev;
	uint64_t st_ino;
	uint64_t st_nlink;
	uint32_t st_mode;
	uint32_t st_uid;
	uint32_t st_gid;
	uint32_t __pad0;
	uint64_t st_rdev;
	int64_t st_size;
	int64_t st_blksize;
	int64_t st_blocks;
	struct uk_timespec st_atim;
	struct uk_timespec st_mtim;
	struct uk_timespec st_ctim;
	int64_t __unused[3];
};

/* statx(2) */
#define UK_STATX_TYPE        0x0001u
#define UK_STATX_MODE        0x0002u
#define UK_STATX_NLINK       0x0004u
#define UK_STATX_UID         0x0008u
#define UK_STATX_GID         0x0010u
#define UK_STATX_ATIME       0x0020u
#define UK_STATX_MTIME       0x0040u
#define UK_STATX_CTIME       0x0080u
#define UK_STATX_INO         0x0100u
#define UK_STATX_SIZE        0x0200u
#define UK_STATX_BLOCKS      0x0400u
#define UK_STATX_BASIC_STATS 0x07ffu

struct uk_statx_timestamp {
	int64_t tv_sec;
	uint32_t tv_nsec;
	int32_t __reserved;
};

struct uk_statx {
	uint32_t stx_mask;
	uint32_t stx_blksize;
	uint64_t stx_attributes;
	uint32_t stx_nlink;
	uint32_t stx_uid;
	uint32_t stx_gid;
	uint16_t stx_mode;
	uint16_t __spare0;
	uint64_t stx_ino;
	uint64_t stx_size;
	uint64_t stx_blocks;
	uint64_t stx_attributes_mask;
	struct uk_statx_timestamp stx_atime;
	struct uk_statx_timestamp stx_btime;
	struct uk_statx_timestamp stx_ctime;
	struct uk_statx_timestamp stx_mtime;
	uint32_t stx_rdev_major;
	uint32_t stx_rdev_minor;
	uint32_t stx_dev_major;
	uint32_t stx_dev_minor;
	uint64_t __spare2[14];
};

/* one record of getdents64(2); d_reclen is a multiple of 8 */
struct uk_dirent64 {
	uint64_t d_ino;
	int64_t d_off;
	uint16_t d_reclen;
	uint8_t d_type;
	char d_name[];
};

/* readv/writev */
struct uk_iovec {
	void *iov_base;
	uint64_t iov_len;
};
#define UK_IOV_MAX 1024

/* poll(2) events (also what the vnode poll operation reports) */
#define UK_POLLIN     0x001
#define UK_POLLPRI    0x002
#define UK_POLLOUT    0x004
#define UK_POLLERR    0x008
#define UK_POLLHUP    0x010
#define UK_POLLNVAL   0x020
#define UK_POLLRDNORM 0x040
#define UK_POLLWRNORM 0x100
#define UK_POLLRDHUP  0x2000

_Static_assert(sizeof(struct uk_stat) == 144, "struct stat must match the x86_64 ABI");
_Static_assert(sizeof(struct uk_statx) == 256, "struct statx must match the x86_64 ABI");

#endif /* UK_VFS_ABI_H */
