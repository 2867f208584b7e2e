/* SPDX-License-Identifier: BSD-3-Clause */
/* No include guard: C requires re-including to honour a changed NDEBUG */
#undef assert
#ifdef NDEBUG
#define assert(x) ((void)0)
#else
void __nolibc_assert_fail(const char *expr, const char *file, int line, const char *func)
    __attribute__((noreturn));
#define assert(x) ((x) ? (void)0 : __nolibc_assert_fail(#x, __FILE__, __LINE__, __func__))
#endif
#ifndef static_assert
#define static_assert _Static_assert
#endif
