/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * What libmusl needs from the kernel's POSIX libraries and offers to
 * lib/ukboot (docs/contracts.md section 8).
 */
#ifndef UK_MUSL_H
#define UK_MUSL_H

#include <uk/process.h>

/*
 * Called by lib/ukboot instead of main() when defined (weak reference):
 * gives main's environment to musl, runs main and then exit() with its
 * status, so stdio buffers are flushed and atexit handlers run.
 */
int uk_libc_start_main(int (*main)(int, char **, char **), int argc, char **argv, char **envp);

#endif
