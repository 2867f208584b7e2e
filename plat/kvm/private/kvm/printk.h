/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The platform's own small formatter and log lines. The platform must print
 * before any library is initialised and from exception context, so it does
 * not need lib/ukdebug; the line shape matches ukdebug's. ukdebug's engine
 * keeps no state and is built -mgeneral-regs-only, so it may serve here.
 */
#ifndef KVM_PRINTK_H
#define KVM_PRINTK_H

#include <stdarg.h>
#include <stddef.h>

#if CONFIG_LIBUKDEBUG
/* With lib/ukdebug in the image its engine (<uk/fmt.h>, a superset of
 * format.c's) formats the platform's lines too: one formatter in the
 * image, and under TCG one formatter to translate at boot instead of two */
#include <uk/fmt.h>
#define kvm_vsnprintf uk_vsnprintf
#define kvm_snprintf  uk_snprintf
#else
/* %s %c %d %i %u %x %p with optional '0', width and 'l'/'ll'/'z' */
int kvm_vsnprintf(char *buf, size_t size, const char *fmt, va_list ap);
int kvm_snprintf(char *buf, size_t size, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
#endif
/* formats into a stack buffer and writes it to every console */
void kvm_printf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Levels, the same numbers as lib/ukdebug's UK_PRINT_* */
#define KVM_LOG_CRIT  0
#define KVM_LOG_ERR   1
#define KVM_LOG_WARN  2
#define KVM_LOG_INFO  3
#define KVM_LOG_DEBUG 4
/* "[    0.000000] <level>: [libkvmplat] <file @ line> " then the message;
 * with lib/ukdebug in the image its printk writes the line */
void kvm_log(int level, const char *file, int line, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

/* Debug lines (the memory map, clock refinements) cost boot time on the
 * serial port: only with CONFIG_KVM_DEBUG_LOG */
#if CONFIG_KVM_DEBUG_LOG
#define kvm_debug(...) kvm_log(KVM_LOG_DEBUG, __FILE_NAME__, __LINE__, __VA_ARGS__)
#else
#define kvm_debug(...)                                                                             \
	do {                                                                                       \
		if (0)                                                                             \
			kvm_log(KVM_LOG_DEBUG, __FILE_NAME__, __LINE__, __VA_ARGS__);              \
	} while (0)
#endif
#define kvm_info(...) kvm_log(KVM_LOG_INFO, __FILE_NAME__, __LINE__, __VA_ARGS__)
#define kvm_warn(...) kvm_log(KVM_LOG_WARN, __FILE_NAME__, __LINE__, __VA_ARGS__)
#define kvm_err(...)  kvm_log(KVM_LOG_ERR, __FILE_NAME__, __LINE__, __VA_ARGS__)
#define kvm_crit(...) kvm_log(KVM_LOG_CRIT, __FILE_NAME__, __LINE__, __VA_ARGS__)

#endif /* KVM_PRINTK_H */
