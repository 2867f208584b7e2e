/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Starts lwIP at the sys init level (contracts.md section 10): its thread,
 * the loopback interface, then one interface per netdev, so the network is
 * up before main().
 */
#include <errno.h>
#include <uk/init.h>
#include <uk/lwip.h>
#include <uk/print.h>

#include "lwip/opt.h"
#include "lwip/init.h"
#include "lwip/sys.h"
#include "lwip/tcpip.h"
#include "uk_lwip.h"

static int lwip_running;

int uk_lwip_ready(void)
{
	return lwip_running;
}

/* runs in the tcpip thread once lwIP is initialised */
static void tcpip_started(void *arg)
{
	sys_sem_signal(arg);
}

static int uk_lwip_start(void)
{
	sys_sem_t started;
	int rc;

	if (sys_sem_new(&started, 0) != ERR_OK)
		return -ENOMEM;
	tcpip_init(tcpip_started, &started);
	sys_arch_sem_wait(&started, 0);
	sys_sem_free(&started);
	lwip_running = 1;
	uk_pr_info("lwIP %s started (loopback 127.0.0.1)\n", LWIP_VERSION_STRING);

	rc = uk_lwip_netifs_init();
	return rc;
}
uk_initcall_sys(uk_lwip_start);
