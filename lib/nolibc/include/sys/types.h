/* SPDX-License-Identifier: BSD-3-Clause */
#ifndef NOLIBC_SYS_TYPES_H
#define NOLIBC_SYS_TYPES_H

#include <stddef.h>
#include <stdint.h>

typedef long ssize_t;
typedef long off_t;
typedef int pid_t;
typedef unsigned int uid_t;
typedef unsigned int gid_t;
typedef unsigned int mode_t;
typedef long time_t;
typedef long suseconds_t;
typedef unsigned int useconds_t;
typedef int clockid_t;

#endif /* NOLIBC_SYS_TYPES_H */
