/* SPDX-License-Identifier: BSD-3-Clause */
/* The individual console drivers behind ukplat_coutk()/ukplat_cink() */
#ifndef KVM_CONSOLE_H
#define KVM_CONSOLE_H

#include <uk/config.h>

void kvm_serial_init(void);
void kvm_serial_putc(char c);
/* -1 when no byte is waiting */
int kvm_serial_getc(void);

/* 1 when the VGA probe (at the first kvm_vga_flush()) found a VGA text
 * window, else the VGA console is off */
extern int kvm_vga_present;
/* Until kvm_vga_flush(), output is kept in a buffer (see vga.c) */
void kvm_vga_putc(char c);
#if CONFIG_KVM_CONSOLE_VGA
/* Probes and draws what was kept, then draws directly; once, any context */
void kvm_vga_flush(void);
/* kvm_vga_flush(), or at the next write when one was interrupted */
void kvm_vga_due(void);
#else
static inline void kvm_vga_flush(void)
{
}
static inline void kvm_vga_due(void)
{
}
#endif

#endif /* KVM_CONSOLE_H */
