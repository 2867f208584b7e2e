/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * lwIP's configuration for Unikit (every option not set here keeps lwIP's
 * default from lwip/opt.h). Tuned for a web server behind QEMU's user-mode
 * network: full-size segments, a 64 KiB window each way, as many
 * connections as memory allows.
 */
#ifndef UK_LWIPOPTS_H
#define UK_LWIPOPTS_H

/*
 * The libc's types before any lwIP header: musl's <sys/types.h> brings
 * <endian.h>, whose BYTE_ORDER/LITTLE_ENDIAN/BIG_ENDIAN then win over lwIP's
 * fallbacks (same values, other spelling: a redefinition otherwise). musl's
 * inline byte swaps there are not -Wparentheses clean.
 */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wparentheses"
#include <sys/types.h>
#include <sys/time.h>
#pragma GCC diagnostic pop

/* --- system ---------------------------------------------------------------- */
#define NO_SYS               0 /* threads, semaphores, mailboxes: sys_arch.c */
#define SYS_LIGHTWEIGHT_PROT 1 /* SYS_ARCH_PROTECT: interrupts off (sys_arch.h) */
#define LWIP_COMPAT_MUTEX    0
/* API calls run in the caller's thread under the core mutex instead of a
 * message round trip to the tcpip thread; received frames are processed in
 * the receive thread the same way */
#define LWIP_TCPIP_CORE_LOCKING       1
#define LWIP_TCPIP_CORE_LOCKING_INPUT 1
#define TCPIP_THREAD_NAME             "lwip"
#define TCPIP_THREAD_STACKSIZE        (16 * 1024)
#define TCPIP_THREAD_PRIO             0
#define TCPIP_MBOX_SIZE               256
#define DEFAULT_THREAD_STACKSIZE      (16 * 1024)
#define DEFAULT_TCP_RECVMBOX_SIZE     128
#define DEFAULT_UDP_RECVMBOX_SIZE     64
#define DEFAULT_RAW_RECVMBOX_SIZE     64
#define DEFAULT_ACCEPTMBOX_SIZE       128

/* --- memory: everything from the kernel allocator ----------------------------- */
#define MEM_LIBC_MALLOC 1 /* mem_malloc -> uk_malloc (sys_arch.c) */
#define MEMP_MEM_MALLOC 1 /* pools too: no fixed limit on PCBs, segments, pbufs */
#define MEM_ALIGNMENT   8
#define mem_clib_malloc uk_lwip_malloc
#define mem_clib_calloc uk_lwip_calloc
#define mem_clib_free   uk_lwip_free
#include <stddef.h>
void *uk_lwip_malloc(size_t size);
void *uk_lwip_calloc(size_t n, size_t size);
void uk_lwip_free(void *p);
/* sockets are a static table of this many entries (also bounds netconns) */
#define MEMP_NUM_NETCONN 256
/* only sanity limits once MEMP_MEM_MALLOC is on, kept consistent anyway */
#define MEMP_NUM_TCP_PCB        256
#define MEMP_NUM_TCP_PCB_LISTEN 16
#define MEMP_NUM_UDP_PCB        32
#define MEMP_NUM_TCP_SEG        512
#define MEMP_NUM_NETBUF         128
#define MEMP_NUM_PBUF           256
#define MEMP_NUM_SYS_TIMEOUT    (LWIP_NUM_SYS_TIMEOUT_INTERNAL + 8)
#define PBUF_POOL_SIZE          256
#define PBUF_POOL_BUFSIZE       1536

/* --- protocols -------------------------------------------------------------- */
#define LWIP_IPV4           1
#define LWIP_IPV6           0
#define LWIP_ARP            1
#define ARP_QUEUEING        1
#define ETHARP_SUPPORT_VLAN 0
#define LWIP_ICMP           1
#define LWIP_UDP            1
#define LWIP_TCP            1
#define LWIP_RAW            0
#if CONFIG_LIBLWIP_DHCP
#define LWIP_DHCP           1
#define DHCP_DOES_ARP_CHECK 0 /* no 0.5 s probe of the offered address at boot */
#else
#define LWIP_DHCP 0
#endif
#define LWIP_AUTOIP             0
#define LWIP_IGMP               0
#define LWIP_DNS                1
#define DNS_MAX_SERVERS         2
#define LWIP_HAVE_LOOPIF        1 /* "lo", 127.0.0.1 */
#define LWIP_NETIF_LOOPBACK     1
#define LWIP_LOOPBACK_MAX_PBUFS 0
#define IP_REASSEMBLY           1
#define IP_FRAG                 1

/* TCP: full Ethernet segments, a 64 KiB window (no window scaling), room
 * for 4 KiB writes to queue up */
#define TCP_MSS                    1460
#define TCP_WND                    (44 * TCP_MSS)
#define TCP_SND_BUF                (44 * TCP_MSS)
#define TCP_SND_QUEUELEN           (4 * TCP_SND_BUF / TCP_MSS)
#define TCP_SNDLOWAT               (TCP_SND_BUF / 2)
#define TCP_QUEUE_OOSEQ            1
#define TCP_LISTEN_BACKLOG         1
#define TCP_DEFAULT_LISTEN_BACKLOG 128
#define LWIP_TCP_KEEPALIVE         1 /* TCP_KEEPIDLE/INTVL/CNT */
#if CONFIG_LIBLWIP_TEST
/* test images only: TIME-WAIT ends after 1-1.5 s (2*MSL, counted in 500 ms
 * ticks) instead of 120 s, so lwip_socket.timewait_expiry sees it end */
#define TCP_MSL 250UL
#endif
#define TCP_OVERSIZE          TCP_MSS
#define LWIP_CHECKSUM_ON_COPY 1

/* checksums are computed in software (no offload from the netdev API) */
#define CHECKSUM_GEN_IP     1
#define CHECKSUM_GEN_UDP    1
#define CHECKSUM_GEN_TCP    1
#define CHECKSUM_GEN_ICMP   1
#define CHECKSUM_CHECK_IP   1
#define CHECKSUM_CHECK_UDP  1
#define CHECKSUM_CHECK_TCP  1
#define CHECKSUM_CHECK_ICMP 1

/* --- APIs ------------------------------------------------------------------- */
#define LWIP_NETCONN                1
#define LWIP_SOCKET                 1
#define LWIP_COMPAT_SOCKETS         0 /* lwip_* names only: no clash with libc */
#define LWIP_POSIX_SOCKETS_IO_NAMES 0
#define LWIP_SOCKET_SELECT          0 /* readiness through our poll op */
#define LWIP_SOCKET_POLL            1
#define LWIP_TIMEVAL_PRIVATE        0 /* struct timeval from the libc (cc.h) */
#define LWIP_SO_RCVBUF              1 /* and FIONREAD */
#define LWIP_FIONREAD_LINUXMODE     1 /* FIONREAD on UDP: size of the next datagram */
#define RECV_BUFSIZE_DEFAULT        0x7fffffff
#define LWIP_SO_SNDTIMEO            0
#define LWIP_SO_RCVTIMEO            0
#define SO_REUSE                    1
#define SO_REUSE_RXTOALL            1
#define LWIP_NETIF_API              0
#define LWIP_NETIF_LINK_CALLBACK    0
#define LWIP_NETIF_STATUS_CALLBACK  0
/* event_callback of sockets.c calls us (patches/0001) */
#define LWIP_HOOK_FILENAME             "uk_lwip_hooks.h"
#define LWIP_HOOK_SOCKET_EVENT(s, evt) uk_lwip_socket_event((s), (int)(evt))

/* --- errno: the Linux values of the libc's <errno.h>, stored by us ------------ */
#define LWIP_ERRNO_STDINCLUDE 1
/* lwIP's set_errno would write the libc's errno, which under musl lives in
 * the thread's TLS block that kernel threads do not have; the socket driver
 * reads the value back right after each call instead (sys_arch.c) */
#define set_errno(err)                                                                             \
	do {                                                                                       \
		if (err)                                                                           \
			uk_lwip_errno = (err);                                                     \
	} while (0)
extern int uk_lwip_errno;

/* --- misc ------------------------------------------------------------------- */
#define LWIP_RAND()           uk_lwip_rand()
#define LWIP_STATS            0
#define LWIP_DEBUG_TIMERNAMES 0
unsigned int uk_lwip_rand(void);

#endif /* UK_LWIPOPTS_H */
