/* SPDX-License-Identifier: BSD-3-Clause */
#ifndef NOLIBC_UNISTD_H
#define NOLIBC_UNISTD_H

#include <sys/types.h>

#define STDIN_FILENO  0
#define STDOUT_FILENO 1
#define STDERR_FILENO 2

/* sleep the calling thread through the scheduler; other threads run meanwhile */
int usleep(useconds_t usec);
unsigned int sleep(unsigned int seconds);
/* fd 1 and 2 only (the console); others fail with EBADF */
ssize_t write(int fd, const void *buf, size_t n);

/* "NAME=value" strings, NULL-terminated; set by lib/ukboot before main() */
extern char **environ;

#endif /* NOLIBC_UNISTD_H */
