/* SPDX-License-Identifier: BSD-3-Clause */
/* Idling the current CPU (contracts.md section 4) */
#ifndef UK_PLAT_LCPU_H
#define UK_PLAT_LCPU_H

#include <stdint.h>

/*
 * Sleeps the CPU with interrupts enabled until `deadline` (monotonic ns) or
 * until any interrupt arrives, whichever is first. Returns with interrupts in
 * the state they had on entry. A deadline in the past returns at once.
 */
void ukplat_lcpu_halt_until(uint64_t deadline);

#endif /* UK_PLAT_LCPU_H */
