/* SPDX-License-Identifier: BSD-3-Clause */
/* Boot hand-over, command line and shutdown (contracts.md section 4) */
#ifndef UK_PLAT_BOOTSTRAP_H
#define UK_PLAT_BOOTSTRAP_H

/* Provided by lib/ukboot; called once the platform is ready */
void ukplat_entry(void) __attribute__((noreturn));

/* writable copy, NUL-terminated, never NULL; argv[0] already removed */
const char *ukplat_cmdline(void);
/* argv[0]: multiboot's first cmdline word, else CONFIG_UK_NAME */
const char *ukplat_image_name(void);

/* isa-debug-exit (iobase 0xf4, QEMU status = status*2+1), ACPI off, hlt */
void ukplat_terminate(int status) __attribute__((noreturn));
/* status 0x7f: QEMU exits with 255 */
void ukplat_crash(void) __attribute__((noreturn));

/*
 * Symbol table hook for crash reports. The platform's weak default returns
 * NULL; a library that embeds a symbol table overrides it. Returns the name
 * of the symbol containing addr and stores addr's offset into it in *off.
 */
const char *ukplat_symbol_lookup(unsigned long addr, unsigned long *off);

#endif /* UK_PLAT_BOOTSTRAP_H */
