/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * ukplat_entry: the platform hands over here with the console, the memory
 * map and the boot stack ready. Order (contracts.md section 6.1): command
 * line -> memory -> early/plat init levels -> scheduler -> main thread.
 */
#include <uk/init.h>
#include <uk/libparam.h>
#include <uk/print.h>
#include <uk/alloc.h>
#include <uk/sched.h>
#include <uk/schedcoop.h>
#include <uk/thread.h>
#include <uk/plat/bootstrap.h>
#include "boot.h"

extern const struct uk_init_entry __uk_inittab_start[], __uk_inittab_end[];

int ukboot_argc;
char **ukboot_argv;

void ukboot_fail(void)
{
	ukplat_terminate(UKBOOT_EXIT_FAILURE);
}

/* Library parameters must be set before any init call reads them */
static void parse_cmdline(void)
{
	int ret = uk_libparam_parse_cmdline(ukplat_cmdline(), ukplat_image_name(), &ukboot_argc,
	                                    &ukboot_argv);

	if (ret < 0) {
		uk_pr_crit("Cannot parse the command line (%d): boot stopped\n", ret);
		ukboot_fail();
	}
}

static __attribute__((noreturn)) void start_scheduler(void)
{
	struct uk_sched *s;

	uk_pr_info("Initialize scheduling...\n");
	s = uk_sched_create_coop(uk_alloc_get_default());
	if (!s) {
		uk_pr_crit("Cannot create the scheduler: out of memory\n");
		ukboot_fail();
	}
	if (!uk_thread_create("main", ukboot_main_thread, NULL)) {
		uk_pr_crit("Cannot create the main thread: out of memory\n");
		ukboot_fail();
	}
	uk_sched_start(s);
}

void ukplat_entry(void)
{
	int ret;

	parse_cmdline();
	uk_pr_info("Initialize memory allocator...\n");
	ret = ukboot_init_memory();
	if (ret < 0) {
		uk_pr_crit("Cannot initialize the memory allocator (%d): boot stopped\n", ret);
		ukboot_fail();
	}
	/* 0x%lx prints what %p would (these are never NULL), through the
	 * integer path the other lines translate anyway under TCG */
	uk_pr_info("Init Table @ 0x%lx - 0x%lx\n", (unsigned long)__uk_inittab_start,
	           (unsigned long)__uk_inittab_end);
	if (uk_init_run_levels(UK_INIT_LEVEL_early, UK_INIT_LEVEL_plat))
		ukboot_fail();
	start_scheduler();
}
