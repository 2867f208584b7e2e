/* SPDX-License-Identifier: BSD-3-Clause */
/* posixcheck: each check_*() prints its result lines and returns the failures */
#ifndef POSIXCHECK_CHECK_H
#define POSIXCHECK_CHECK_H

#include <stdio.h>

/* records one result: "posixcheck: PASS name" or "posixcheck: FAIL name: why" */
int check(int ok, const char *name, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

int check_threads(void);
int check_time(void);
int check_random(void);
int check_malloc(void);
int check_identity(void);
int check_signals(void);
int check_memory(void);
int check_byteorder(void);
/* memfile.c: mmap of files, with lib/vfscore only */
int check_memory_file(void) __attribute__((weak));
/* pwcheck.c: getpwnam & co through /etc/passwd, with lib/vfscore only */
int check_passwd(void) __attribute__((weak));
/* files.c (the VFS's checks), when present */
int check_files(void) __attribute__((weak));

#endif
