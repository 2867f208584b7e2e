/* SPDX-License-Identifier: BSD-3-Clause */
/* The main thread: the remaining init levels, then the application's main() */
#include <uk/init.h>
#include <uk/print.h>
#include <uk/plat/bootstrap.h>
#include "boot.h"

#if CONFIG_LIBNOLIBC
/* nolibc's getenv() reads this */
extern char **environ;
#endif

int main(int argc, char *argv[], char *envp[]);

/*
 * A C library with its own start-up (libs/musl: hands envp over, runs main,
 * then exit() so its buffers are flushed) defines this; weak, so without
 * one main() is called directly.
 */
int uk_libc_start_main(int (*main)(int, char **, char **), int argc, char **argv, char **envp)
    __attribute__((weak));

void ukboot_main_thread(void *arg)
{
	char **envp;
	int ret;

	(void)arg;
	/* the environment exists before the init calls, so they may read it too */
	envp = ukboot_environment();
#if CONFIG_LIBNOLIBC
	environ = envp;
#endif
	if (uk_init_run_levels(UK_INIT_LEVEL_lib, UK_INIT_LEVEL_late))
		ukboot_fail();
	ukboot_run_ctors();
	ukboot_print_banner();
	ukboot_log_environment(envp);
	ukboot_log_main_call(ukboot_argc, ukboot_argv);
	if (uk_libc_start_main)
		ret = uk_libc_start_main(main, ukboot_argc, ukboot_argv, envp);
	else
		ret = main(ukboot_argc, ukboot_argv, envp);
	uk_pr_info("main returned %d, halting system\n", ret);
	ukplat_terminate(ret);
}
