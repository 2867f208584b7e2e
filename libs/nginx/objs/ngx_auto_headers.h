/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * What Nginx's configure would have found among the system headers: the
 * ones musl provides. Nginx includes this before its own OS headers.
 */
#ifndef NGX_UNIKIT_AUTO_HEADERS_H
#define NGX_UNIKIT_AUTO_HEADERS_H

#define NGX_HAVE_UNISTD_H      1
#define NGX_HAVE_INTTYPES_H    1
#define NGX_HAVE_LIMITS_H      1
#define NGX_HAVE_SYS_PARAM_H   1
#define NGX_HAVE_SYS_MOUNT_H   1
#define NGX_HAVE_SYS_STATVFS_H 1
#define NGX_HAVE_CRYPT_H       1
#define NGX_HAVE_SYS_PRCTL_H   1
#define NGX_HAVE_SYS_VFS_H     1

/* the Linux flavour of Nginx's OS layer (src/os/unix/ngx_linux*) */
#define NGX_LINUX 1

#endif
