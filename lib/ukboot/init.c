/* SPDX-License-Identifier: BSD-3-Clause */
/* Running the init table level by level */
#include <uk/init.h>
#include <uk/print.h>

extern const struct uk_init_entry __uk_inittab_start[], __uk_inittab_end[];

static const char *const level_name[] = {
    [UK_INIT_LEVEL_early] = "early",   [UK_INIT_LEVEL_plat] = "plat", [UK_INIT_LEVEL_lib] = "lib",
    [UK_INIT_LEVEL_rootfs] = "rootfs", [UK_INIT_LEVEL_sys] = "sys",   [UK_INIT_LEVEL_late] = "late",
};

int uk_init_run_levels(unsigned int first, unsigned int last)
{
	const struct uk_init_entry *e;
	int ret;

	/* the linker sorted the table by level and priority */
	/* linker-script bounds of one table: comparing them is intended */
	// cppcheck-suppress comparePointers
	for (e = __uk_inittab_start; e < __uk_inittab_end; e++) {
		if (e->level < first || e->level > last)
			continue;
		uk_pr_debug("Init %s (level %s, priority %u)\n", e->name, level_name[e->level],
		            e->prio);
		ret = e->fn();
		if (ret) {
			uk_pr_crit("Init function %s (level %s) failed: %d; boot stopped\n",
			           e->name, level_name[e->level], ret);
			return ret;
		}
	}
	return 0;
}
