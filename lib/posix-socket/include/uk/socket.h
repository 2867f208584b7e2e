/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Sockets (contracts.md section 10). lib/posix-socket owns the socket
 * syscalls and the descriptors (an anonymous S_IFSOCK vnode per socket in
 * vfscore's table); an address family is a driver (libs/lwip: AF_INET).
 *
 * Driver sockets never block: an operation that cannot complete now returns
 * -EAGAIN (-EINPROGRESS for connect) and the driver calls uk_socket_event()
 * whenever the readiness of any socket may have changed. posix-socket does
 * the blocking (O_NONBLOCK, MSG_DONTWAIT, SO_RCVTIMEO/SO_SNDTIMEO) by
 * waiting for readiness through vfscore's poll support.
 *
 * Types and constants are the Linux x86_64 ABI (what musl passes).
 */
#ifndef UK_SOCKET_H
#define UK_SOCKET_H

#include <errno.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <uk/init.h> /* UK_SOCKET_DRIVER_REGISTER */
#include <uk/vfs_abi.h>

/* the libc's own definition is the same type (C11 allows the repeat); not
 * <sys/types.h>, which with musl drags libc headers (and their warnings
 * under -Werror) into kernel code, as <uk/vfs.h> explains */
typedef long ssize_t;

#define UK_AF_UNSPEC 0
#define UK_AF_UNIX   1
#define UK_AF_INET   2
#define UK_AF_INET6  10

#define UK_SOCK_STREAM    1
#define UK_SOCK_DGRAM     2
#define UK_SOCK_RAW       3
#define UK_SOCK_TYPE_MASK 0xf
#define UK_SOCK_NONBLOCK  04000
#define UK_SOCK_CLOEXEC   02000000

#define UK_MSG_OOB      0x0001
#define UK_MSG_PEEK     0x0002
#define UK_MSG_CTRUNC   0x0008
#define UK_MSG_TRUNC    0x0020
#define UK_MSG_DONTWAIT 0x0040
#define UK_MSG_WAITALL  0x0100
#define UK_MSG_NOSIGNAL 0x4000
#define UK_MSG_MORE     0x8000

#define UK_SHUT_RD   0
#define UK_SHUT_WR   1
#define UK_SHUT_RDWR 2

#define UK_SOL_SOCKET       1
#define UK_SO_REUSEADDR     2
#define UK_SO_TYPE          3
#define UK_SO_ERROR         4
#define UK_SO_BROADCAST     6
#define UK_SO_SNDBUF        7
#define UK_SO_RCVBUF        8
#define UK_SO_KEEPALIVE     9
#define UK_SO_LINGER        13
#define UK_SO_REUSEPORT     15
#define UK_SO_RCVTIMEO      20
#define UK_SO_SNDTIMEO      21
#define UK_SO_ACCEPTCONN    30
#define UK_SO_PROTOCOL      38
#define UK_SO_DOMAIN        39
#define UK_IPPROTO_IP       0
#define UK_IPPROTO_TCP      6
#define UK_IPPROTO_UDP      17
#define UK_IP_TOS           1 /* level UK_IPPROTO_IP */
#define UK_IP_TTL           2
#define UK_TCP_NODELAY      1
#define UK_TCP_CORK         3
#define UK_TCP_KEEPIDLE     4
#define UK_TCP_KEEPINTVL    5
#define UK_TCP_KEEPCNT      6
#define UK_TCP_DEFER_ACCEPT 9

/* struct sockaddr_in of Linux (no sin_len): family, port and address in network order */
struct uk_sockaddr_in {
	uint16_t sin_family;
	uint16_t sin_port;
	uint32_t sin_addr;
	uint8_t sin_zero[8];
};

/* struct sockaddr_un of Linux: a path, or an abstract name after a NUL */
struct uk_sockaddr_un {
	uint16_t sun_family;
	char sun_path[108];
};

/* struct timeval of SO_RCVTIMEO/SO_SNDTIMEO */
struct uk_sock_timeval {
	int64_t tv_sec;
	int64_t tv_usec;
};

struct uk_msghdr {
	void *msg_name;
	uint32_t msg_namelen;
	struct uk_iovec *msg_iov;
	uint64_t msg_iovlen;
	void *msg_control;
	uint64_t msg_controllen;
	int msg_flags;
};

struct uk_socket_driver;

/* one socket; posix-socket allocates it, the driver keeps its state in priv */
struct uk_socket {
	const struct uk_socket_driver *drv;
	void *priv;
	int family, type, protocol; /* type without NONBLOCK/CLOEXEC */
};

struct uk_socket_driver {
	const char *name;
	int family; /* UK_AF_* */
	/* all: 0 / a count, or -errno; addresses are Linux sockaddr bytes */
	int (*create)(struct uk_socket *s);
	void (*close)(struct uk_socket *s); /* last reference: free priv */
	int (*bind)(struct uk_socket *s, const void *addr, uint32_t len);
	int (*listen)(struct uk_socket *s, int backlog);
	/* a connection for the new socket ns (family/type set, priv NULL): fills
	 * ns->priv; -EAGAIN if none is waiting; addr/len may be NULL */
	int (*accept)(struct uk_socket *s, struct uk_socket *ns, void *addr, uint32_t *len);
	int (*connect)(struct uk_socket *s, const void *addr, uint32_t len); /* -EINPROGRESS */
	ssize_t (*sendmsg)(struct uk_socket *s, const struct uk_msghdr *msg, int flags);
	ssize_t (*recvmsg)(struct uk_socket *s, struct uk_msghdr *msg, int flags);
	int (*shutdown)(struct uk_socket *s, int how);
	int (*getsockopt)(struct uk_socket *s, int level, int name, void *val, uint32_t *len);
	int (*setsockopt)(struct uk_socket *s, int level, int name, const void *val, uint32_t len);
	int (*getname)(struct uk_socket *s, int peer, void *addr, uint32_t *len);
	/* readiness now: UK_POLLIN/OUT/ERR/HUP/RDHUP */
	unsigned int (*poll)(struct uk_socket *s);
	int (*ioctl)(struct uk_socket *s, unsigned long cmd, void *arg); /* FIONREAD...; optional */
};

/* 0, -EEXIST (family taken), -ENOSPC */
int uk_socket_driver_register(const struct uk_socket_driver *drv);
/* registers a driver at init level lib, priority 1 */
#define UK_SOCKET_DRIVER_REGISTER(name, drv)                                                       \
	static int __uk_socket_register_##name(void)                                               \
	{                                                                                          \
		return uk_socket_driver_register(&(drv));                                          \
	}                                                                                          \
	uk_initcall_prio(__uk_socket_register_##name, lib, 1)

/* drivers: the readiness of socket s (NULL: of some socket) may have changed */
void uk_socket_event(struct uk_socket *s);

/*
 * A getsockopt answer of n bytes at v, given back as Linux does: a buffer
 * shorter than the answer gets its first *len bytes (no error), *len becomes
 * what was copied; a length that is negative as an int is -EINVAL.
 */
static inline int uk_socket_optval_out(const void *v, uint32_t n, void *val, uint32_t *len)
{
	if (!len)
		return -EFAULT;
	if (*len > INT32_MAX)
		return -EINVAL;
	if (*len > n)
		*len = n;
	if (*len && !val)
		return -EFAULT;
	memcpy(val, v, *len);
	return 0;
}

#endif /* UK_SOCKET_H */
