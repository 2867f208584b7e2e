/* SPDX-License-Identifier: BSD-3-Clause */
/* Runs the tests as the last init call, then reports through the exit status */
#include <uk/init.h>
#include <uk/test.h>
#include <uk/plat/bootstrap.h>

static int uk_test_boot(void)
{
	int failed = uk_test_run_all();

#if CONFIG_LIBUKTEST_POWEROFF
	/* QEMU's isa-debug-exit makes this 1 (all passed) or 3 */
	ukplat_terminate(failed ? 1 : 0);
#else
	(void)failed;
	return 0;
#endif
}

uk_initcall_prio(uk_test_boot, late, 9);
