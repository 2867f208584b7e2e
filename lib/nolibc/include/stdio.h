/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Console output only: stdout and stderr both go to the kernel console
 * (ukplat_coutk), unbuffered, so fflush() has nothing to do. There is no
 * file I/O and no input here. Formats: see <uk/fmt.h> (no floating point).
 */
#ifndef NOLIBC_STDIO_H
#define NOLIBC_STDIO_H

#include <stdarg.h>
#include <stddef.h>

#define EOF (-1)

typedef struct __nolibc_file FILE;
extern FILE *const stdin;
extern FILE *const stdout;
extern FILE *const stderr;

int printf(const char *restrict fmt, ...) __attribute__((format(printf, 1, 2)));
int fprintf(FILE *restrict f, const char *restrict fmt, ...) __attribute__((format(printf, 2, 3)));
int vprintf(const char *restrict fmt, va_list ap);
int vfprintf(FILE *restrict f, const char *restrict fmt, va_list ap);
int snprintf(char *restrict buf, size_t size, const char *restrict fmt, ...)
    __attribute__((format(printf, 3, 4)));
int vsnprintf(char *restrict buf, size_t size, const char *restrict fmt, va_list ap);
int sprintf(char *restrict buf, const char *restrict fmt, ...)
    __attribute__((format(printf, 2, 3)));
int vsprintf(char *restrict buf, const char *restrict fmt, va_list ap);
int puts(const char *s);
int fputs(const char *restrict s, FILE *restrict f);
int putchar(int c);
int fputc(int c, FILE *f);
int putc(int c, FILE *f);
size_t fwrite(const void *restrict p, size_t size, size_t n, FILE *restrict f);
int fflush(FILE *f);

#endif /* NOLIBC_STDIO_H */
