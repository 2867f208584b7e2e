/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The system call table: Linux x86_64 numbers mapped to kernel handlers.
 * A library defines a handler with
 *
 *   UK_SYSCALL_R_DEFINE(int, getpid)
 *   {
 *           return 1;
 *   }
 *   UK_SYSCALL_R_DEFINE(ssize_t, write, int, fd, const void *, buf, size_t, len)
 *   { ... }
 *
 * which defines long uk_syscall_r_<name>(a1..a6) (value or negative errno)
 * and registers it under __NR_<name> in section .uk_syscalltab. Callers
 * (musl, by direct function calls) go through uk_syscall().
 */
#ifndef UK_SYSCALL_H
#define UK_SYSCALL_H

#include <uk/syscall_nr.h>

typedef long (*uk_syscall_fn_t)(long a1, long a2, long a3, long a4, long a5, long a6);

struct uk_syscall_entry {
	long nr;
	uk_syscall_fn_t fn;
	const char *name;
};

/* -ENOSYS (logged once per number) when nr has no handler */
long uk_syscall(long nr, long a1, long a2, long a3, long a4, long a5, long a6);
/* the same, but sets errno and returns -1 on error (for C code without a libc) */
long uk_syscall_e(long nr, long a1, long a2, long a3, long a4, long a5, long a6);
/* the handler registered for nr, NULL if none */
uk_syscall_fn_t uk_syscall_handler(long nr);
/* "read", "write", ...; "<unknown>" outside the table */
const char *uk_syscall_name(long nr);

/* --- handler definition --------------------------------------------------- */

/* number of (type, name) pairs in the argument list */
#define UK_SC_NARGS_(_0, _1, _2, _3, _4, _5, _6, _7, _8, _9, _10, _11, _12, n, ...) n
#define UK_SC_NARGS(...)                                                            UK_SC_NARGS_(_0, ##__VA_ARGS__, 6, X, 5, X, 4, X, 3, X, 2, X, 1, X, 0)
#define UK_SC_CAT_(a, b)                                                            a##b
#define UK_SC_CAT(a, b)                                                             UK_SC_CAT_(a, b)

/* typed parameter list of the body: t1 a1, t2 a2, ... */
#define UK_SC_DECL0()          void
#define UK_SC_DECL1(t, a)      t a
#define UK_SC_DECL2(t, a, ...) t a, UK_SC_DECL1(__VA_ARGS__)
#define UK_SC_DECL3(t, a, ...) t a, UK_SC_DECL2(__VA_ARGS__)
#define UK_SC_DECL4(t, a, ...) t a, UK_SC_DECL3(__VA_ARGS__)
#define UK_SC_DECL5(t, a, ...) t a, UK_SC_DECL4(__VA_ARGS__)
#define UK_SC_DECL6(t, a, ...) t a, UK_SC_DECL5(__VA_ARGS__)

/* the raw longs (__a1..__a6) converted to the parameter types, in order */
#define UK_SC_A1(t1, a1)                         (t1) __a1
#define UK_SC_A2(t1, a1, t2, a2)                 UK_SC_A1(t1, a1), (t2)__a2
#define UK_SC_A3(t1, a1, t2, a2, t3, a3)         UK_SC_A2(t1, a1, t2, a2), (t3)__a3
#define UK_SC_A4(t1, a1, t2, a2, t3, a3, t4, a4) UK_SC_A3(t1, a1, t2, a2, t3, a3), (t4)__a4
#define UK_SC_A5(t1, a1, t2, a2, t3, a3, t4, a4, t5, a5)                                           \
	UK_SC_A4(t1, a1, t2, a2, t3, a3, t4, a4), (t5)__a5
#define UK_SC_A6(t1, a1, t2, a2, t3, a3, t4, a4, t5, a5, t6, a6)                                   \
	UK_SC_A5(t1, a1, t2, a2, t3, a3, t4, a4, t5, a5), (t6)__a6
#define UK_SC_A0()

#define UK_SYSCALL_REGISTER_(name, fn)                                                             \
	static const struct uk_syscall_entry __uk_syscall_entry_##name                             \
	    __attribute__((used, aligned(8), section(".uk_syscalltab"))) = {__NR_##name, fn,       \
	                                                                    #name}

/*
 * Defines uk_syscall_r_<name> and registers it; the braces that follow the
 * macro are the body, with the typed parameters given in the argument list.
 */
#define UK_SYSCALL_R_DEFINE(rtype, name, ...)                                                      \
	static rtype __uk_sys_body_##name(                                                         \
	    UK_SC_CAT(UK_SC_DECL, UK_SC_NARGS(__VA_ARGS__))(__VA_ARGS__));                         \
	long uk_syscall_r_##name(long __a1, long __a2, long __a3, long __a4, long __a5,            \
	                         long __a6);                                                       \
	long uk_syscall_r_##name(long __a1, long __a2, long __a3, long __a4, long __a5, long __a6) \
	{                                                                                          \
		(void)__a1, (void)__a2, (void)__a3, (void)__a4, (void)__a5, (void)__a6;            \
		return (long)__uk_sys_body_##name(                                                 \
		    UK_SC_CAT(UK_SC_A, UK_SC_NARGS(__VA_ARGS__))(__VA_ARGS__));                    \
	}                                                                                          \
	UK_SYSCALL_REGISTER_(name, uk_syscall_r_##name);                                           \
	static rtype __uk_sys_body_##name(                                                         \
	    UK_SC_CAT(UK_SC_DECL, UK_SC_NARGS(__VA_ARGS__))(__VA_ARGS__))

#endif /* UK_SYSCALL_H */
