/* SPDX-License-Identifier: BSD-3-Clause */
/* The one place where nolibc sleeps: through the scheduler when there is one */
#include <stdint.h>
#include <uk/plat/lcpu.h>
#include <uk/plat/time.h>
#include "sleep.h"
#if CONFIG_LIBUKSCHED
#include <uk/sched.h>
#endif

void __nolibc_sleep_ns(uint64_t ns)
{
#if CONFIG_LIBUKSCHED
	uk_sched_sleep_ns(ns);
#else
	/* no scheduler: nothing else could run anyway, so idle the CPU */
	uint64_t deadline = ukplat_monotonic_clock() + ns;

	while (ukplat_monotonic_clock() < deadline)
		ukplat_lcpu_halt_until(deadline);
#endif
}
