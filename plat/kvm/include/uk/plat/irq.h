/* SPDX-License-Identifier: BSD-3-Clause */
/* Device interrupts (contracts.md section 4) */
#ifndef UK_PLAT_IRQ_H
#define UK_PLAT_IRQ_H

/* return 1 if handled. Runs in interrupt context with interrupts disabled;
 * must not use SSE (compile with -mgeneral-regs-only). */
typedef int (*uk_irq_handler_t)(void *arg);

/* irq is an ISA IRQ number (0-15) or, with I/O APICs, a GSI below 48.
 * Unmasks the line. Returns 0, -EINVAL (bad irq or NULL fn) or -ENOMEM
 * (too many handlers on the line). */
int ukplat_irq_register(unsigned int irq, uk_irq_handler_t fn, void *arg);

/* Trigger mode of a GSI above 15 (ISA lines follow the MADT), before
 * ukplat_irq_register(): PCI INTx lines (the default) are level triggered
 * and active low; microvm's virtio-mmio lines are level, active high.
 * Returns 0 or -EINVAL. */
int ukplat_irq_set_mode(unsigned int irq, int level, int active_low);

#endif /* UK_PLAT_IRQ_H */
