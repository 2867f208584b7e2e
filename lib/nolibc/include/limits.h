/* SPDX-License-Identifier: BSD-3-Clause */
/* The compiler's limits.h plus the POSIX limits programs expect */
#ifndef NOLIBC_LIMITS_H
#define NOLIBC_LIMITS_H

#include_next <limits.h>

#ifndef PATH_MAX
#define PATH_MAX 4096
#endif
#ifndef NAME_MAX
#define NAME_MAX 255
#endif
#ifndef SSIZE_MAX
#define SSIZE_MAX __LONG_MAX__
#endif
#ifndef IOV_MAX
#define IOV_MAX 1024
#endif

#endif /* NOLIBC_LIMITS_H */
