/* SPDX-License-Identifier: BSD-3-Clause */
/* Shared by the files of lib/syscall_shim */
#ifndef SYSCALL_SHIM_PRIVATE_H
#define SYSCALL_SHIM_PRIVATE_H

/* logs "syscall <name> (<nr>) not implemented", the first time only */
void uk_syscall_warn_enosys(long nr);
/* 1 once the warning for nr was printed (for the tests) */
unsigned long uk_syscall_enosys_warned(long nr);

#endif
