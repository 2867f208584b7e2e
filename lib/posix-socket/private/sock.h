/* SPDX-License-Identifier: BSD-3-Clause */
/* Internal interfaces between the files of lib/posix-socket */
#ifndef SOCK_H
#define SOCK_H

#include <uk/socket.h>
#include <uk/vfs.h>

/* a socket as posix-socket keeps it: the driver's part comes first */
struct sock {
	struct uk_socket s;
	uint64_t rcvtimeo, sndtimeo; /* SO_RCVTIMEO/SO_SNDTIMEO in ns, 0: none */
};

const struct uk_socket_driver *sock_driver(int family);
/* a new socket of drv (driver state not created yet) */
struct sock *sock_alloc(const struct uk_socket_driver *drv, int family, int type, int protocol);
/* frees a socket whose driver state was never created (or is closed) */
void sock_free(struct sock *so);
/* a descriptor for so (which it then owns, closing it on failure);
 * flags: UK_SOCK_NONBLOCK, UK_SOCK_CLOEXEC */
int sock_install(struct sock *so, int flags);
/* the socket behind fd, its file held in *fp: 0, -EBADF, -ENOTSOCK */
int sock_get(int fd, struct uk_file **fp, struct sock **out);

/* the blocking calls (O_NONBLOCK of f, MSG_DONTWAIT, the timeouts) */
ssize_t sock_send(struct sock *so, struct uk_file *f, const struct uk_msghdr *msg, int flags);
ssize_t sock_recv(struct sock *so, struct uk_file *f, struct uk_msghdr *msg, int flags);
int sock_connect(struct sock *so, struct uk_file *f, const void *addr, uint32_t len);
int sock_accept(struct sock *so, struct uk_file *f, void *addr, uint32_t *len, int flags);
int sock_getsockopt(struct sock *so, int level, int name, void *val, uint32_t *len);
int sock_setsockopt(struct sock *so, int level, int name, const void *val, uint32_t len);

#if CONFIG_LIBPOSIX_SOCKET_UNIX
/* lib/posix-socket's AF_UNIX driver: connects two new stream sockets */
extern const struct uk_socket_driver unix_driver;
int unix_socketpair(struct uk_socket *a, struct uk_socket *b);
#endif

#endif
