/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The printf-style formatting engine shared by printk (lib/ukdebug) and the
 * printf family of lib/nolibc, so both accept exactly the same formats.
 *
 * Conversions: %d %i %u %x %X %o %p %s %c %%. Flags: - + space # 0.
 * Width and precision, also as `*`. Length modifiers: hh h l ll z t j.
 * No floating point (the kernel never formats floats). %n is deliberately
 * not supported; unknown conversions are copied to the output verbatim.
 *
 * The engine is plain C without kernel dependencies: it is also built on
 * the host and checked against the host's libc (lib/ukdebug/tests/host).
 */
#ifndef UK_FMT_H
#define UK_FMT_H

#include <stdarg.h>
#include <stddef.h>

/* Receives the formatted text in pieces; the pieces are not NUL-terminated */
typedef void (*uk_fmt_out_t)(void *arg, const char *s, size_t len);

/* Formats into `out`; returns the number of characters produced */
int uk_vformat(uk_fmt_out_t out, void *arg, const char *fmt, va_list ap);

/*
 * C99 snprintf semantics: writes at most size-1 characters plus a NUL
 * (nothing when size is 0) and returns the length the full text would have.
 */
int uk_vsnprintf(char *buf, size_t size, const char *fmt, va_list ap);
int uk_snprintf(char *buf, size_t size, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

#endif /* UK_FMT_H */
