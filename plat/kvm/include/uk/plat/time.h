/* SPDX-License-Identifier: BSD-3-Clause */
/* Clocks (contracts.md section 4) */
#ifndef UK_PLAT_TIME_H
#define UK_PLAT_TIME_H

#include <stdint.h>

#define UKPLAT_NSEC_PER_SEC 1000000000ULL

/* ns since boot, from the TSC; 0 until the clock is calibrated */
uint64_t ukplat_monotonic_clock(void);
/* ns since the Unix epoch: the RTC read once at boot plus the monotonic clock */
uint64_t ukplat_wall_clock(void);

#endif /* UK_PLAT_TIME_H */
