/* SPDX-License-Identifier: BSD-3-Clause */
/* Messages for the common error numbers; the others get a generic text */
#include <string.h>
#include <errno.h>

static const char *const messages[] = {
    [0] = "Success",
    [EPERM] = "Operation not permitted",
    [ENOENT] = "No such file or directory",
    [EINTR] = "Interrupted system call",
    [EIO] = "I/O error",
    [E2BIG] = "Argument list too long",
    [EBADF] = "Bad file descriptor",
    [EAGAIN] = "Resource temporarily unavailable",
    [ENOMEM] = "Out of memory",
    [EACCES] = "Permission denied",
    [EFAULT] = "Bad address",
    [EBUSY] = "Resource busy",
    [EEXIST] = "File exists",
    [ENODEV] = "No such device",
    [ENOTDIR] = "Not a directory",
    [EISDIR] = "Is a directory",
    [EINVAL] = "Invalid argument",
    [EMFILE] = "Too many open files",
    [ENOSPC] = "No space left on device",
    [EPIPE] = "Broken pipe",
    [ERANGE] = "Result not representable",
    [ENAMETOOLONG] = "Filename too long",
    [ENOSYS] = "Function not implemented",
    [ENOTEMPTY] = "Directory not empty",
    [EOPNOTSUPP] = "Not supported",
    [EADDRINUSE] = "Address in use",
    [ECONNRESET] = "Connection reset by peer",
    [ETIMEDOUT] = "Operation timed out",
    [ECONNREFUSED] = "Connection refused",
};

char *strerror(int errnum)
{
	if (errnum >= 0 && errnum < (int)(sizeof(messages) / sizeof(messages[0])) &&
	    messages[errnum])
		return (char *)(unsigned long)messages[errnum];
	return (char *)(unsigned long)"Unknown error";
}
