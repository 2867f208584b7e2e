/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The virtual file system: vnodes, mounts, open files and the process's
 * file-descriptor table (contracts.md section 8).
 *
 * Every function returns a value >= 0 or a negative errno. Flags, modes and
 * structures are the Linux x86_64 ones (<uk/vfs_abi.h>), so the syscall
 * handlers only check user pointers and pass arguments through.
 *
 * Concurrency: the scheduler is cooperative and no VFS operation yields
 * except a blocking pipe/eventfd/console read or write, which re-validates
 * its state after every wait. So the VFS needs no locks.
 */
#ifndef UK_VFS_H
#define UK_VFS_H

#include <stddef.h>
#include <stdint.h>
#include <uk/init.h>
#include <uk/vfs_abi.h>

/* the libc's own definition is the same type (C11 allows the repeat); no
 * <sys/types.h> here, which would drag libc internals into kernel code */
typedef long ssize_t;

#define UK_VFS_FD_MAX   1024 /* size of the fd table */
#define UK_VFS_NAME_MAX 255
#define UK_VFS_PATH_MAX 4096
#define UK_VFS_SYMLOOP  40 /* symlinks followed in one lookup before ELOOP */

struct uk_vnode;
struct uk_file;
struct uk_mount;

/* One directory entry as a file system reports it */
struct uk_vfs_dirent {
	uint64_t ino;
	uint8_t type; /* UK_DT_* */
	char name[UK_VFS_NAME_MAX + 1];
};

/*
 * What a file system implements. Names come as (name, len), never "." or
 * ".." except in lookup (where ".." of a file system's root returns the
 * root itself; the VFS handles crossing mounts). Returned vnodes are held.
 * A NULL operation answers -EPERM (namespace) or -EINVAL (data).
 */
struct uk_vnode_ops {
	int (*lookup)(struct uk_vnode *dir, const char *name, size_t len, struct uk_vnode **out);
	/* regular files, directories, fifos and devices: the type is in mode */
	int (*create)(struct uk_vnode *dir, const char *name, size_t len, uint32_t mode,
	              struct uk_vnode **out);
	int (*symlink)(struct uk_vnode *dir, const char *name, size_t len, const char *target);
	int (*link)(struct uk_vnode *dir, const char *name, size_t len, struct uk_vnode *vn);
	/* removes a name; rmdir = 1 requires an empty directory, 0 a non-directory */
	int (*unlink)(struct uk_vnode *dir, const char *name, size_t len, int rmdir);
	int (*rename)(struct uk_vnode *odir, const char *oname, size_t olen, struct uk_vnode *ndir,
	              const char *nname, size_t nlen);
	/* entry number *cookie (advanced): 1 = filled, 0 = end */
	int (*readdir)(struct uk_vnode *dir, uint64_t *cookie, struct uk_vfs_dirent *out);
	ssize_t (*read)(struct uk_vnode *vn, struct uk_file *f, void *buf, size_t len, int64_t off);
	ssize_t (*write)(struct uk_vnode *vn, struct uk_file *f, const void *buf, size_t len,
	                 int64_t off);
	int (*truncate)(struct uk_vnode *vn, int64_t len);
	ssize_t (*readlink)(struct uk_vnode *vn, char *buf, size_t len);
	int (*ioctl)(struct uk_vnode *vn, struct uk_file *f, unsigned long cmd, void *arg);
	int (*open)(struct uk_vnode *vn, struct uk_file *f);   /* optional */
	void (*close)(struct uk_vnode *vn, struct uk_file *f); /* last reference of f */
	void (*inactive)(struct uk_vnode *vn);                 /* last reference of vn */
	/* readiness now, UK_POLL* (never blocks); NULL: always UK_POLLIN | UK_POLLOUT.
	 * Whoever changes a node's readiness calls uk_vfs_poll_notify() */
	unsigned int (*poll)(struct uk_vnode *vn, struct uk_file *f);
};

struct uk_vnode {
	unsigned long refs;
	uint32_t mode; /* type | permissions */
	uint32_t nlink;
	uint32_t uid, gid;
	uint64_t ino;
	uint64_t rdev;
	int64_t size;
	struct uk_timespec atime, mtime, ctime;
	const struct uk_vnode_ops *ops;
	struct uk_mount *mnt;     /* the mount this vnode belongs to (NULL: anonymous) */
	struct uk_mount *covered; /* a mount on top of this directory, or NULL */
	unsigned int vflags;      /* UK_VNODE_* */
	void *priv;               /* the file system's */
};

#define UK_VNODE_NOSEEK 1 /* a stream (terminal): lseek/pread/pwrite are -ESPIPE */
/* readiness changes without a uk_vfs_poll_notify() (the console's serial
 * input has no interrupt): pollers re-check it every UK_VFS_POLL_PERIOD_NS */
#define UK_VNODE_POLL_PERIODIC 2
#define UK_VFS_POLL_PERIOD_NS  10000000ull

/* An open file description (shared by dup'ed descriptors) */
struct uk_file {
	unsigned long refs;
	unsigned int flags; /* UK_O_* status and access flags */
	int64_t off;
	uint64_t dircookie; /* getdents64 position */
	struct uk_vnode *vn;
	void *priv;  /* the file system's */
	uint64_t id; /* unique for the image's lifetime (epoll tells a reused slot by it) */
};

/* A file-system driver; registered with UK_FS_REGISTER */
struct uk_fs_driver {
	const char *name;
	/* fills m->root (held); dev and opts may be "" */
	int (*mount)(struct uk_mount *m, const char *dev, unsigned long flags, const char *opts);
	void (*unmount)(struct uk_mount *m); /* optional; after root was released */
};

struct uk_mount {
	struct uk_mount *next;
	const struct uk_fs_driver *fs;
	struct uk_vnode *root;    /* root of this file system */
	struct uk_vnode *covered; /* directory it hides (NULL for the first /) */
	void *priv;
	char path[UK_VFS_PATH_MAX];
};

/*
 * Registers a driver at boot: an init call (level lib, priority 0, so before
 * any rootfs-level mount) that hands it to uk_vfs_fs_register(). An init
 * call rather than a linker table of its own: the image's linker script
 * needs no extra section for file systems.
 */
#define UK_FS_REGISTER(name, drv)                                                                  \
	static int __uk_fs_register_##name(void)                                                   \
	{                                                                                          \
		return uk_vfs_fs_register(&(drv));                                                 \
	}                                                                                          \
	uk_initcall_prio(__uk_fs_register_##name, lib, 0)

/* -------- vnodes (for file systems) -------- */
struct uk_vnode *uk_vnode_alloc(const struct uk_vnode_ops *ops, uint32_t mode);
void uk_vnode_hold(struct uk_vnode *vn);
void uk_vnode_release(struct uk_vnode *vn);
void uk_vnode_free(struct uk_vnode *vn); /* for ops->inactive of a vnode with no names left */
void uk_vnode_touch(struct uk_vnode *vn, int atime, int mtime, int ctime);
uint64_t uk_vnode_next_ino(void);
uint8_t uk_vnode_dtype(uint32_t mode);

/* -------- file systems and mounts -------- */
const struct uk_fs_driver *uk_vfs_fs_find(const char *name);
int uk_vfs_fs_register(const struct uk_fs_driver *drv); /* 0, -EEXIST (name), -ENOSPC */
int uk_vfs_mount(const char *dev, const char *path, const char *fsname, unsigned long flags,
                 const char *opts);
int uk_vfs_umount(const char *path);
int uk_vfs_root_mounted(void);
/* drops every descriptor, mount and the cwd: back to the state at boot (tests) */
void uk_vfs_reset(void);

/* the console as a character device (held): descriptors 0-2, /dev/console */
struct uk_vnode *uk_vfs_console(void);

/* -------- descriptors -------- */
int uk_fdtab_install(struct uk_file *f, int minfd, int cloexec); /* takes a reference */
struct uk_file *uk_fdtab_get(int fd);                            /* held; NULL: -EBADF */
void uk_file_release(struct uk_file *f);
struct uk_file *uk_file_alloc(struct uk_vnode *vn, unsigned int flags); /* holds vn */
int uk_fdtab_count(void);                                               /* open descriptors */

/* -------- the file API (what the syscalls do) -------- */
int uk_vfs_openat(int dirfd, const char *path, int flags, uint32_t mode);
int uk_vfs_close(int fd);
ssize_t uk_vfs_read(int fd, void *buf, size_t len);
ssize_t uk_vfs_write(int fd, const void *buf, size_t len);
ssize_t uk_vfs_pread(int fd, void *buf, size_t len, int64_t off);
ssize_t uk_vfs_pwrite(int fd, const void *buf, size_t len, int64_t off);
ssize_t uk_vfs_readv(int fd, const struct uk_iovec *iov, int cnt);
ssize_t uk_vfs_writev(int fd, const struct uk_iovec *iov, int cnt);
int64_t uk_vfs_lseek(int fd, int64_t off, int whence);
ssize_t uk_vfs_sendfile(int out, int in, int64_t *off, size_t count);
int uk_vfs_dup(int fd);
int uk_vfs_dup3(int fd, int newfd, int flags);
int uk_vfs_fcntl(int fd, int cmd, unsigned long arg);
int uk_vfs_ioctl(int fd, unsigned long cmd, void *arg);
int uk_vfs_fstatat(int dirfd, const char *path, struct uk_stat *st, int flags);
int uk_vfs_fstat(int fd, struct uk_stat *st);
int uk_vfs_statx(int dirfd, const char *path, int flags, unsigned int mask, struct uk_statx *stx);
int uk_vfs_faccessat(int dirfd, const char *path, int mode, int flags);
ssize_t uk_vfs_getdents64(int fd, void *buf, size_t len);
int uk_vfs_mkdirat(int dirfd, const char *path, uint32_t mode);
int uk_vfs_mknodat(int dirfd, const char *path, uint32_t mode, uint64_t dev);
int uk_vfs_unlinkat(int dirfd, const char *path, int flags);
int uk_vfs_renameat(int odirfd, const char *opath, int ndirfd, const char *npath);
int uk_vfs_symlinkat(const char *target, int dirfd, const char *path);
int uk_vfs_linkat(int odirfd, const char *opath, int ndirfd, const char *npath, int flags);
ssize_t uk_vfs_readlinkat(int dirfd, const char *path, char *buf, size_t len);
int uk_vfs_truncate(const char *path, int64_t len);
int uk_vfs_ftruncate(int fd, int64_t len);
int uk_vfs_fsync(int fd);
int uk_vfs_getcwd(char *buf, size_t len); /* length with the NUL */
int uk_vfs_chdir(const char *path);
int uk_vfs_fchdir(int fd);
uint32_t uk_vfs_umask(uint32_t mask); /* the old mask */
int uk_vfs_fchmodat(int dirfd, const char *path, uint32_t mode, int flags);
int uk_vfs_fchmod(int fd, uint32_t mode);
int uk_vfs_fchownat(int dirfd, const char *path, uint32_t uid, uint32_t gid, int flags);
int uk_vfs_fchown(int fd, uint32_t uid, uint32_t gid);
int uk_vfs_utimensat(int dirfd, const char *path, const struct uk_timespec ts[2], int flags);
int uk_vfs_pipe2(int fds[2], int flags);

/* -------- readiness (contracts.md section 10) -------- */
/* f's readiness now (UK_POLL*); the node's poll op, or IN|OUT without one */
unsigned int uk_file_poll(struct uk_file *f);
/* the readiness of some file may have changed: wakes every poller. Callable
 * from threads and from interrupt handlers */
void uk_vfs_poll_notify(void);
/* a counter that uk_vfs_poll_notify() advances */
uint64_t uk_vfs_poll_generation(void);
/* blocks until the generation differs from gen (0) or the monotonic clock
 * reaches deadline (-ETIMEDOUT; deadline 0 = none). Also returns 0 when the
 * thread is woken for another reason (a signal): callers re-check what they
 * wait for (and uk_posix_take_interrupt()) and call it again */
int uk_vfs_poll_wait(uint64_t gen, uint64_t deadline);
int uk_vfs_eventfd(unsigned int initval, int flags);

#endif /* UK_VFS_H */
