/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The platform calls the scheduler makes, done with Linux: the monotonic
 * clock, halting (a real sleep, so idle CPU use can be measured with
 * getrusage), page protection (mprotect) and the thread pointer (a
 * variable: the real FS base belongs to the host's libc).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <time.h>
#include <uk/plat/lcpu.h>
#include <uk/plat/memory.h>
#include <uk/plat/time.h>

static unsigned long host_fsbase;
unsigned long host_halts;

uint64_t ukplat_monotonic_clock(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000000ULL + ts.tv_nsec;
}

void ukplat_lcpu_halt_until(uint64_t deadline)
{
	uint64_t now = ukplat_monotonic_clock();
	struct timespec ts;

	host_halts++;
	if (deadline == UINT64_MAX) {
		/* no interrupts on the host: nothing could ever wake us */
		printf("FAIL sched.no_deadlock: every thread blocked forever\n");
		exit(1);
	}
	if (deadline <= now)
		return;
	ts.tv_sec = (deadline - now) / 1000000000ULL;
	ts.tv_nsec = (deadline - now) % 1000000000ULL;
	nanosleep(&ts, NULL);
}

int ukplat_page_set_prot(unsigned long vaddr, unsigned long npages, int prot)
{
	int p = 0;

	if (prot & UKPLAT_PROT_READ)
		p |= PROT_READ;
	if (prot & UKPLAT_PROT_WRITE)
		p |= PROT_WRITE;
	if (prot & UKPLAT_PROT_EXEC)
		p |= PROT_EXEC;
	return mprotect((void *)vaddr, npages * 4096, p) ? -22 : 0;
}

void ukarch_tls_set(unsigned long fsbase)
{
	host_fsbase = fsbase;
}

unsigned long ukarch_tls_get(void)
{
	return host_fsbase;
}
