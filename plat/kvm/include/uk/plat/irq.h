/* SPDX-License-Identifier: BSD-3-Clause */
/* Device interrupts (contracts.md section 4) */
#ifndef UK_PLAT_IRQ_H
#define UK_PLAT_IRQ_H

/* return 1 if handled. Runs in interrupt context with interrupts disabled;
 * must not use SSE (compile with -mgeneral-regs-only). */
typedef int (*uk_irq_handler_t)(void *arg);

/* irq is an ISA IRQ number (0-15) or, with an I/O APIC, a GSI below 24.
 * Unmasks the line. Returns 0, -EINVAL (bad irq or NULL fn) or -ENOMEM
 * (too many handlers on the line). */
int ukplat_irq_register(unsigned int irq, uk_irq_handler_t fn, void *arg);

#endif /* UK_PLAT_IRQ_H */
