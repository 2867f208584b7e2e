/* SPDX-License-Identifier: BSD-3-Clause */
#ifndef SOCKCHECK_H
#define SOCKCHECK_H

#include <stdio.h>

/* records one result: "sockcheck: PASS name" or "sockcheck: FAIL name: why" */
void check(int ok, const char *name, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
/* inet.c: AF_INET over lwIP's loopback, when an AF_INET driver is there */
void check_inet(void);
/* serve.c: an epoll echo server (argv "serve <port> <connections>") */
int serve(int port, int conns);

#endif
