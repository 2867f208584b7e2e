/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Init calls: functions the boot sequence runs, level by level, before
 * main(). Levels, in order:
 *
 *   early   before anything but the allocator (boot stack, no scheduler)
 *   plat    platform devices (boot stack, no scheduler)
 *   lib     libraries            \
 *   rootfs  file systems          | in the main thread: may sleep,
 *   sys     system services       | create threads and block
 *   late    last (tests run here) /
 *
 * Within a level, priority 0 runs first and 9 last; uk_initcall_<level>()
 * uses 5. Equal priorities run in link order. A function returns 0 or a
 * negative errno; an error stops the boot with a message naming it.
 *
 * Entries live in section .uk_inittab.<level digit><prio digit>, so the
 * linker's SORT(.uk_inittab.*) puts them in running order.
 */
#ifndef UK_INIT_H
#define UK_INIT_H

typedef int (*uk_init_func_t)(void);

struct uk_init_entry {
	uk_init_func_t fn;
	const char *name;
	unsigned char level; /* UK_INIT_LEVEL_* */
	unsigned char prio;
};

#define UK_INIT_LEVEL_early  1
#define UK_INIT_LEVEL_plat   2
#define UK_INIT_LEVEL_lib    3
#define UK_INIT_LEVEL_rootfs 4
#define UK_INIT_LEVEL_sys    5
#define UK_INIT_LEVEL_late   6

#define UK_INIT_STR_(x) #x
#define UK_INIT_STR(x)  UK_INIT_STR_(x)

/* aligned(8) on the variable: keeps gcc from padding table entries apart */
#define UK_INIT_ENTRY_(fn, lvl, prio)                                                              \
	_Static_assert((prio) >= 0 && (prio) <= 9, "init priority must be 0..9");                  \
	static const struct uk_init_entry __uk_init_##fn __attribute__((                           \
	    used, aligned(8), section(".uk_inittab." UK_INIT_STR(lvl) UK_INIT_STR(prio)))) = {     \
	    fn, #fn, lvl, prio}

/* level: one of the words early, plat, lib, rootfs, sys, late; prio: 0..9 */
#define uk_initcall_prio(fn, level, prio) UK_INIT_ENTRY_(fn, UK_INIT_LEVEL_##level, prio)

#define uk_initcall_early(fn)  uk_initcall_prio(fn, early, 5)
#define uk_initcall_plat(fn)   uk_initcall_prio(fn, plat, 5)
#define uk_initcall_lib(fn)    uk_initcall_prio(fn, lib, 5)
#define uk_initcall_rootfs(fn) uk_initcall_prio(fn, rootfs, 5)
#define uk_initcall_sys(fn)    uk_initcall_prio(fn, sys, 5)
#define uk_initcall_late(fn)   uk_initcall_prio(fn, late, 5)

/*
 * Runs the entries of levels [first, last] in table order; on an error it
 * reports the function with uk_pr_crit and returns the error.
 */
int uk_init_run_levels(unsigned int first, unsigned int last);

#endif /* UK_INIT_H */
