/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * exit_group(2) ends the process, which here is the whole VM: the platform
 * powers off with the status (QEMU's isa-debug-exit returns status*2+1).
 * exit(2), which ends only the calling thread, is in clone.c.
 */
#include <uk/plat/bootstrap.h>
#include <uk/print.h>
#include <uk/syscall.h>

UK_SYSCALL_R_DEFINE(int, exit_group, int, status)
{
	uk_pr_info("exit_group(%d): halting system\n", status & 0xff);
	ukplat_terminate(status & 0xff);
}
