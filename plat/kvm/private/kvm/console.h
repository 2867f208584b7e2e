/* SPDX-License-Identifier: BSD-3-Clause */
/* The individual console drivers behind ukplat_coutk()/ukplat_cink() */
#ifndef KVM_CONSOLE_H
#define KVM_CONSOLE_H

void kvm_serial_init(void);
void kvm_serial_putc(char c);
/* -1 when no byte is waiting */
int kvm_serial_getc(void);

/* 1 when kvm_vga_init() found a VGA text window, else the VGA console is off */
extern int kvm_vga_present;
void kvm_vga_init(void);
void kvm_vga_putc(char c);

#endif /* KVM_CONSOLE_H */
