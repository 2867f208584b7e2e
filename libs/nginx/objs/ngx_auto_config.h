/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Nginx's configure cannot run here (it compiles and runs test programs for
 * the host). These are its answers for Unikit: Linux as musl presents it,
 * minus what the kernel does not do. Every NGX_HAVE_* left out is left out
 * on purpose; the comment says why. See libs/nginx/README.md.
 */
#ifndef NGX_UNIKIT_AUTO_CONFIG_H
#define NGX_UNIKIT_AUTO_CONFIG_H

#define NGX_CONFIGURE " (Unikit: fixed configuration, see libs/nginx/README.md)"
#define NGX_COMPILER  "gcc " __VERSION__

/* compiler */
#define NGX_HAVE_GCC_ATOMIC          1
#define NGX_HAVE_C99_VARIADIC_MACROS 1
#define NGX_HAVE_GCC_VARIADIC_MACROS 1
#define NGX_HAVE_GCC_BSWAP64         1
#define NGX_HAVE_NONALIGNED          1
#define NGX_CPU_CACHE_LINE           64
#define NGX_HAVE_LITTLE_ENDIAN       1

/* x86_64 LP64 types */
#define NGX_PTR_SIZE          8
#define NGX_SIG_ATOMIC_T_SIZE 4
#define NGX_MAX_SIZE_T_VALUE  9223372036854775807LL
#define NGX_SIZE_T_LEN        (sizeof("-9223372036854775808") - 1)
#define NGX_MAX_OFF_T_VALUE   9223372036854775807LL
#define NGX_OFF_T_LEN         (sizeof("-9223372036854775808") - 1)
#define NGX_TIME_T_SIZE       8
#define NGX_TIME_T_LEN        (sizeof("-9223372036854775808") - 1)
#define NGX_MAX_TIME_T_VALUE  9223372036854775807LL

/*
 * Event methods. poll and select are always built; epoll only on request
 * (CONFIG_LIBNGINX_EPOLL). NGX_HAVE_SELECT is left out on purpose: it only
 * makes select the default, and the default should be the first event
 * module of ngx_modules.c (poll, or epoll when built). No eventfd: it serves
 * file AIO and threads only.
 */
#define NGX_HAVE_POLL 1
#if CONFIG_LIBNGINX_EPOLL
#define NGX_HAVE_EPOLL       1
#define NGX_HAVE_CLEAR_EVENT 1
#define NGX_HAVE_EPOLLRDHUP  1
#endif

/*
 * Files. pread/pwrite are system calls of ours; pwritev is not (Nginx falls
 * back to lseek + writev). No O_DIRECT, AIO, fadvise, statfs/statvfs
 * (directio alignment only) or O_PATH (disable_symlinks).
 */
#define NGX_HAVE_PREAD  1
#define NGX_HAVE_PWRITE 1
#define NGX_HAVE_OPENAT 1
#define NGX_HAVE_D_TYPE 1

/*
 * sendfile: off. Only the header is used (the prototype of
 * <sys/sendfile.h>); ngx_linux_sendfile_chain is not built, responses go out
 * with writev.
 */
#define NGX_HAVE_SENDFILE64 1

/* Sockets: what posix-socket and lwIP give through musl. */
#define NGX_HAVE_INET6              1
#define NGX_HAVE_UNIX_DOMAIN        1
#define NGX_HAVE_ACCEPT4            1
#define NGX_HAVE_FIONBIO            1
#define NGX_HAVE_MSGHDR_MSG_CONTROL 1
#define NGX_HAVE_GETADDRINFO        1

/* Time and memory */
#define NGX_HAVE_LOCALTIME_R     1
#define NGX_HAVE_CLOCK_MONOTONIC 1
#define NGX_HAVE_GMTOFF          1
#define NGX_HAVE_POSIX_MEMALIGN  1
#define NGX_HAVE_MEMALIGN        1
/* shared zones: anonymous MAP_SHARED mmap (one process: private is the same) */
#define NGX_HAVE_MAP_ANON 1

/* System information */
#define NGX_HAVE_SC_NPROCESSORS_ONLN 1
/* no _SC_LEVEL1_DCACHE_LINESIZE in musl: NGX_CPU_CACHE_LINE stays */
#define NGX_HAVE_SCHED_YIELD 1

/*
 * strerror() table: musl's messages for 0..133 (EHWPOISON); configure
 * measures this by running a program. glibc's strerrordesc_np is not there.
 */
#define NGX_SYS_NERR 134

/*
 * One process, no user: there is no fork (master_process off; daemon off;)
 * and nobody to switch to. patches/0001 skips the getpwnam("nobody") of a
 * process started as root, so no /etc/passwd is needed.
 */
#define NGX_UNIKIT_NO_USER 1
#define NGX_USER           "root"
#define NGX_GROUP          "root"

/*
 * Paths: the tutorial's root file system, /nginx/{conf,html,logs}.
 * `-c /nginx/conf/nginx.conf` names the configuration explicitly anyway.
 */
#define NGX_PREFIX                 "/nginx/"
#define NGX_CONF_PREFIX            "conf/"
#define NGX_SBIN_PATH              "nginx"
#define NGX_CONF_PATH              "conf/nginx.conf"
#define NGX_PID_PATH               "logs/nginx.pid"
#define NGX_LOCK_PATH              "logs/nginx.lock"
#define NGX_ERROR_LOG_PATH         "logs/error.log"
#define NGX_HTTP_LOG_PATH          "logs/access.log"
#define NGX_HTTP_CLIENT_TEMP_PATH  "client_body_temp"
#define NGX_HTTP_PROXY_TEMP_PATH   "proxy_temp"
#define NGX_HTTP_FASTCGI_TEMP_PATH "fastcgi_temp"
#define NGX_HTTP_UWSGI_TEMP_PATH   "uwsgi_temp"
#define NGX_HTTP_SCGI_TEMP_PATH    "scgi_temp"

#define NGX_SUPPRESS_WARN 1
#define NGX_SMP           1

#endif
