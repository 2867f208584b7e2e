/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Fixed-width types and page geometry of x86_64, usable from C and from
 * assembly (the C part is hidden from the assembler).
 */
#ifndef UK_ARCH_TYPES_H
#define UK_ARCH_TYPES_H

#define __PAGE_SHIFT 12
#ifdef __ASSEMBLY__
#define __PAGE_SIZE 4096
#else
#define __PAGE_SIZE 4096UL
#endif
#define __PAGE_MASK (~(__PAGE_SIZE - 1))

#ifndef __ASSEMBLY__
typedef unsigned char __u8;
typedef signed char __s8;
typedef unsigned short __u16;
typedef signed short __s16;
typedef unsigned int __u32;
typedef signed int __s32;
typedef unsigned long __u64;
typedef signed long __s64;
typedef unsigned long __uptr;
typedef signed long __sptr;
typedef unsigned long __sz;
typedef signed long __ssz;
typedef unsigned long __paddr_t;
typedef unsigned long __vaddr_t;
#endif /* !__ASSEMBLY__ */

#endif /* UK_ARCH_TYPES_H */
