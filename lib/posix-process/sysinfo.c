/* SPDX-License-Identifier: BSD-3-Clause */
/* sysinfo(2), sched_yield(2) and the scheduler queries that go with them */
#include <errno.h>
#include <stdint.h>
#include <string.h>
#include <uk/alloc.h>
#include <uk/plat/time.h>
#include <uk/sched.h>
#include <uk/syscall.h>

/* the Linux ABI layout (x86_64) */
struct uk_sysinfo {
	long uptime;
	unsigned long loads[3];
	unsigned long totalram, freeram, sharedram, bufferram, totalswap, freeswap;
	unsigned short procs, pad;
	unsigned long totalhigh, freehigh;
	unsigned int mem_unit;
	char reserved[256];
};

UK_SYSCALL_R_DEFINE(int, sysinfo, struct uk_sysinfo *, si)
{
	struct uk_alloc *a = uk_alloc_get_default();
	struct uk_alloc_stats st;

	if (!si)
		return -EFAULT;
	memset(si, 0, sizeof(*si));
	si->uptime = (long)(ukplat_monotonic_clock() / 1000000000ULL);
	si->procs = 1;
	si->mem_unit = 1;
	if (a && !uk_alloc_stats(a, &st)) {
		si->freeram = st.free_bytes;
		si->totalram = st.free_bytes + st.used_bytes;
	}
	return 0;
}

UK_SYSCALL_R_DEFINE(int, sched_yield)
{
	uk_sched_yield();
	return 0;
}

/* one CPU: the affinity mask is CPU 0 */
UK_SYSCALL_R_DEFINE(int, sched_getaffinity, int, pid, unsigned long, len, unsigned long *, mask)
{
	(void)pid;
	if (!mask)
		return -EFAULT;
	if (len < sizeof(unsigned long))
		return -EINVAL;
	memset(mask, 0, len);
	mask[0] = 1;
	return (int)len;
}
