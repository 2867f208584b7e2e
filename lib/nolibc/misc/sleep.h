/* SPDX-License-Identifier: BSD-3-Clause */
#ifndef NOLIBC_SLEEP_H
#define NOLIBC_SLEEP_H

#include <stdint.h>

void __nolibc_sleep_ns(uint64_t ns);

#endif /* NOLIBC_SLEEP_H */
