/* SPDX-License-Identifier: BSD-3-Clause */
/* libs/lwip internals shared by its files */
#ifndef UK_LWIP_PRIV_H
#define UK_LWIP_PRIV_H

#include <uk/config.h>

#if CONFIG_LIBLWIP_NETDEV
/* an lwIP interface per netdev, configured from netdev.ip= (init.c, sys
 * level, lwIP running): 0 or -errno */
int uk_lwip_netifs_init(void);
#else
static inline int uk_lwip_netifs_init(void)
{
	return 0;
}
#endif

#endif /* UK_LWIP_PRIV_H */
