/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Kernel messages. Each call prints whole lines of the shape
 *
 *   [    0.108323] Info: [libvfscore] <mount.c @  122> VFS: mounting ramfs at /
 *
 * (seconds.microseconds of the monotonic clock, level tag, library, source
 * file and line). A message with several lines repeats the header on each
 * line so every line stays greppable; a missing trailing newline is added.
 * Messages longer than UK_PRINTK_MAX bytes are cut and end in "...".
 *
 * Calls below the configured level (CONFIG_LIBUKDEBUG_PRINTK_*) compile to
 * nothing, so their arguments are not even evaluated. printk is built with
 * -mgeneral-regs-only and uses only the stack, so interrupt handlers may
 * call it; a line of up to 160 characters reaches the console in one write.
 */
#ifndef UK_PRINT_H
#define UK_PRINT_H

#include <stdarg.h>

#define UK_PRINT_CRIT  0
#define UK_PRINT_ERR   1
#define UK_PRINT_WARN  2
#define UK_PRINT_INFO  3
#define UK_PRINT_DEBUG 4

#define UK_PRINTK_MAX 512

#if !defined(CONFIG_LIBUKDEBUG_PRINTK)
#define UK_PRINT_LEVEL (-1)
#elif defined(CONFIG_LIBUKDEBUG_PRINTK_DEBUG)
#define UK_PRINT_LEVEL UK_PRINT_DEBUG
#elif defined(CONFIG_LIBUKDEBUG_PRINTK_INFO)
#define UK_PRINT_LEVEL UK_PRINT_INFO
#elif defined(CONFIG_LIBUKDEBUG_PRINTK_WARN)
#define UK_PRINT_LEVEL UK_PRINT_WARN
#elif defined(CONFIG_LIBUKDEBUG_PRINTK_CRIT)
#define UK_PRINT_LEVEL UK_PRINT_CRIT
#else
#define UK_PRINT_LEVEL UK_PRINT_ERR
#endif

#define UK_PRINT_STR_(x) #x
#define UK_PRINT_STR(x)  UK_PRINT_STR_(x)

/* the driver passes both as bare tokens; code built elsewhere gets a stand-in */
#ifdef __LIBNAME__
#define UK_PRINT_LIBNAME UK_PRINT_STR(__LIBNAME__)
#else
#define UK_PRINT_LIBNAME "unknown"
#endif
#ifdef __BASENAME__
#define UK_PRINT_BASENAME UK_PRINT_STR(__BASENAME__)
#else
#define UK_PRINT_BASENAME __FILE__
#endif

void _uk_printk(int lvl, const char *libname, const char *srcname, unsigned int line,
                const char *fmt, ...) __attribute__((format(printf, 5, 6)));
void _uk_vprintk(int lvl, const char *libname, const char *srcname, unsigned int line,
                 const char *fmt, va_list ap);
/* prints at CRIT whatever the configured level, then ukplat_crash() */
void _uk_crash(const char *libname, const char *srcname, unsigned int line, const char *fmt, ...)
    __attribute__((format(printf, 4, 5), noreturn));

#define uk_printk(lvl, fmt, ...)                                                                   \
	do {                                                                                       \
		if ((lvl) <= UK_PRINT_LEVEL)                                                       \
			_uk_printk((lvl), UK_PRINT_LIBNAME, UK_PRINT_BASENAME, __LINE__, fmt,      \
			           ##__VA_ARGS__);                                                 \
	} while (0)

#define uk_pr_crit(fmt, ...)  uk_printk(UK_PRINT_CRIT, fmt, ##__VA_ARGS__)
#define uk_pr_err(fmt, ...)   uk_printk(UK_PRINT_ERR, fmt, ##__VA_ARGS__)
#define uk_pr_warn(fmt, ...)  uk_printk(UK_PRINT_WARN, fmt, ##__VA_ARGS__)
#define uk_pr_info(fmt, ...)  uk_printk(UK_PRINT_INFO, fmt, ##__VA_ARGS__)
#define uk_pr_debug(fmt, ...) uk_printk(UK_PRINT_DEBUG, fmt, ##__VA_ARGS__)

#define UK_CRASH(fmt, ...)                                                                         \
	_uk_crash(UK_PRINT_LIBNAME, UK_PRINT_BASENAME, __LINE__, fmt, ##__VA_ARGS__)

#define UK_BUG() UK_CRASH("BUG: unreachable code reached\n")

/* Asserts stay in unless explicitly configured out (LIBUKDEBUG_ENABLE_ASSERT) */
#if defined(CONFIG_LIBUKDEBUG_ENABLE_ASSERT) || !defined(CONFIG_LIBUKDEBUG)
#define UK_ASSERT(x)                                                                               \
	do {                                                                                       \
		if (__builtin_expect(!(x), 0))                                                     \
			UK_CRASH("Assertion failure: %s\n", #x);                                   \
	} while (0)
#else
#define UK_ASSERT(x)                                                                               \
	do {                                                                                       \
		(void)sizeof(x);                                                                   \
	} while (0)
#endif

#define UK_BUGON(x) UK_ASSERT(!(x))

#endif /* UK_PRINT_H */
