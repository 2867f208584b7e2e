/* SPDX-License-Identifier: BSD-3-Clause */
/* libs/lwip: the AF_INET socket driver (socket.c), for the in-kernel tests */
#ifndef UK_LWIP_SOCKET_H
#define UK_LWIP_SOCKET_H

#include <uk/socket.h>

extern const struct uk_socket_driver uk_lwip_inet_driver;

#endif /* UK_LWIP_SOCKET_H */
